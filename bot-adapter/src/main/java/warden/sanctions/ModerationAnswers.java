package warden.sanctions;

import org.springframework.stereotype.Component;
import warden.common.GuildId;
import warden.config.GuildPolicies;
import warden.discord.AnswerVisibility;
import warden.discord.ConditionalOnDiscord;

/**
 * The moderation settings' {@code hideResponses}: whether slash command answers are for the caller only. Read from
 * memory (this is JDA's thread); a server whose policy this node has not read yet gets hidden answers.
 */
@Component
@ConditionalOnDiscord
class ModerationAnswers implements AnswerVisibility {

    private final GuildPolicies policies;

    ModerationAnswers(GuildPolicies policies) {
        this.policies = policies;
    }

    @Override
    public boolean hidden(long guild) {
        return policies.ifKnown(GuildId.of(guild))
                .map(p -> p.moderation().hideResponses())
                .orElse(true);
    }
}
