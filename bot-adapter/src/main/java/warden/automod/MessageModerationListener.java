package warden.automod;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import net.dv8tion.jda.api.entities.Member;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.events.message.MessageReceivedEvent;
import net.dv8tion.jda.api.events.message.MessageUpdateEvent;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import org.springframework.stereotype.Component;
import warden.common.GuildId;
import warden.discord.ConditionalOnDiscord;
import warden.discord.GuildWork;
import warden.discord.MessageVerdicts;

/**
 * Every new or edited guild message goes through the detection engine with the guild's policy; what it flags is
 * acted on at once on Discord, then recorded. The work runs on the guild's lane ({@link GuildWork}), never on
 * JDA's gateway thread. A message seen already (a gateway event replayed after a resume) is skipped, so nothing
 * is deleted, answered or counted twice.
 */
@Component
@ConditionalOnDiscord
class MessageModerationListener extends ListenerAdapter {

    private final CompiledPolicies policies;
    private final DetectionEngine engine;
    private final ModerationActions actions;
    private final InfractionRecorder recorder;
    private final GuildWork work;
    private final LiveInviteDirectory invites;
    private final MessageVerdicts verdicts;
    private final Cache<String, Boolean> seen = Caffeine.newBuilder()
            .maximumSize(200_000)
            .expireAfterWrite(Duration.ofMinutes(30))
            .build();

    MessageModerationListener(
            CompiledPolicies policies,
            DetectionEngine engine,
            ModerationActions actions,
            InfractionRecorder recorder,
            GuildWork work,
            LiveInviteDirectory invites,
            MessageVerdicts verdicts) {
        this.verdicts = verdicts;
        this.work = work;
        this.invites = invites;
        this.policies = policies;
        this.engine = engine;
        this.actions = actions;
        this.recorder = recorder;
    }

    @Override
    public void onMessageReceived(MessageReceivedEvent event) {
        if (event.isFromGuild()) handOver(event.getMessage(), event.getMember());
    }

    @Override
    public void onMessageUpdate(MessageUpdateEvent event) {
        if (event.isFromGuild()) handOver(event.getMessage(), event.getMember());
    }

    private void handOver(Message message, Member member) {
        work.run(message.getGuild().getIdLong(), "moderation", () -> moderate(message, member));
    }

    private void moderate(Message message, Member member) {
        String key = message.getId()
                + (message.getTimeEdited() == null
                        ? ""
                        : ":" + message.getTimeEdited().toInstant());
        if (seen.asMap().putIfAbsent(key, Boolean.TRUE) != null) return;
        ChatMessage chat = ChatMessages.of(message, member);
        if (chat.authorIsBot()) return;
        long guild = message.getGuild().getIdLong();
        if (invites != null
                && !chat.authorIsAdmin()
                && policies.policy(GuildId.of(guild)).automod().invites().enabled()) {
            java.util.Set<String> unknown = invites.unknownIn(chat.content(), guild);
            if (!unknown.isEmpty()) { // decided when Discord has said where the invites lead, back on the guild's lane
                invites.resolve(message.getJDA(), unknown)
                        .whenComplete(
                                (done, error) -> work.run(guild, "moderation", () -> decide(message, member, chat)));
                return;
            }
        }
        decide(message, member, chat);
    }

    private void decide(Message message, Member member, ChatMessage chat) {
        var policy = policies.compiled(GuildId.of(message.getGuild().getIdLong()));
        boolean created = message.getTimeEdited() == null;
        Evaluation evaluation = Evaluation.CLEAN;
        try {
            evaluation = created
                    ? engine.evaluate(chat, policy)
                    : engine.evaluateEdit(chat, policy); // spam and mentions counted it when it was sent
        } finally {
            // the relay to partner servers waits for this: what is removed here never reaches them
            if (created) verdicts.decided(message.getIdLong(), evaluation.deletes() || evaluation.repost() != null);
        }
        if (!evaluation.flagged()) return;
        try {
            actions.carryOut(message, member, evaluation);
        } finally {
            // whatever happened on Discord, what automod found is recorded
            for (Violation violation : evaluation.violations()) recorder.record(chat, violation);
        }
    }
}
