package warden.automod;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import warden.common.ChannelId;
import warden.common.GuildId;
import warden.common.InvalidValueException;
import warden.common.RoleId;
import warden.common.UserId;
import warden.config.GuildPolicies;
import warden.config.PolicyDocument;
import warden.platform.Messages;
import warden.sanctions.Evidence;

/**
 * Tries one message against the guild's stored policy and changes nothing: no infraction, and the spam and mention
 * windows of the live engine are left untouched (a fresh engine judges the message alone).
 */
@RestController
@RequestMapping("/api/v1/guilds/{guild}/automod")
class AutomodEvaluateController {

    private final GuildPolicies policies;
    private final InviteDirectory invites;
    private final Messages messages;

    /** The invite directory of the bot when this node runs one; without it every foreign invite is flagged. */
    AutomodEvaluateController(GuildPolicies policies, ObjectProvider<InviteDirectory> invites, Messages messages) {
        this.policies = policies;
        this.invites = invites.getIfAvailable(() -> InviteDirectory.NONE);
        this.messages = messages;
    }

    record EvaluateRequest(
            String content,
            ChannelId channelId,
            UserId authorId,
            Set<RoleId> authorRoles,
            Boolean authorIsAdmin,
            Boolean authorIsBot,
            Set<UserId> mentionedUsers,
            Set<RoleId> mentionedRoles,
            Boolean mentionsEveryone) {}

    record Finding(
            String module,
            String action,
            boolean silent,
            String reason,
            List<Evidence.Span> spans,
            List<String> revealedBy) {}

    record EvaluateResponse(long policyVersion, boolean flagged, List<Finding> violations, String repost) {}

    @PostMapping("/evaluate")
    EvaluateResponse evaluate(@PathVariable GuildId guild, @RequestBody EvaluateRequest body) {
        if (body.content() == null) throw InvalidValueException.forField("content", "error.param.missing", "content");
        if (body.content().length() > AutomodLimits.MAX_MESSAGE_LENGTH) {
            throw InvalidValueException.forField(
                    "content", "error.text.tooLong", "content", AutomodLimits.MAX_MESSAGE_LENGTH);
        }
        PolicyDocument policy = policies.current(guild);
        DetectionEngine isolated = new DetectionEngine(new MemberRates(16), invites);
        ChatMessage message = new ChatMessage(
                "evaluate",
                guild,
                body.channelId() == null ? ChannelId.of(1) : body.channelId(),
                body.authorId() == null ? UserId.of(1) : body.authorId(),
                body.authorRoles(),
                Boolean.TRUE.equals(body.authorIsAdmin()),
                Boolean.TRUE.equals(body.authorIsBot()),
                body.content(),
                body.mentionedUsers(),
                body.mentionedRoles(),
                Boolean.TRUE.equals(body.mentionsEveryone()),
                Instant.now());
        Evaluation evaluation = isolated.evaluate(message, isolated.compile(policy));
        var locale = LocaleContextHolder.getLocale();
        List<Finding> findings = evaluation.violations().stream()
                .map(v -> new Finding(
                        v.module().key(),
                        v.action().name(),
                        v.silent(),
                        messages.text(v.reasonCode(), locale, v.reasonArgs().toArray()),
                        v.spans(),
                        v.revealedBy()))
                .toList();
        return new EvaluateResponse(policy.version(), evaluation.flagged(), findings, evaluation.repost());
    }
}
