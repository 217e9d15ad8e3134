package warden.automod;

import java.util.EnumSet;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.entities.Member;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.channel.middleman.GuildMessageChannel;
import net.dv8tion.jda.api.entities.channel.middleman.StandardGuildMessageChannel;
import net.dv8tion.jda.api.exceptions.ErrorHandler;
import net.dv8tion.jda.api.exceptions.ErrorResponseException;
import net.dv8tion.jda.api.exceptions.InsufficientPermissionException;
import net.dv8tion.jda.api.requests.ErrorResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import warden.discord.ChannelWebhooks;
import warden.discord.ConditionalOnDiscord;
import warden.discord.DiscordProperties;
import warden.discord.GuildTexts;
import warden.discord.MissingPermissions;

/**
 * What automod does on Discord at once: delete the message, repost it through Warden's webhook (censored, or
 * without forbidden markdown) under the author's name and avatar, and, unless every module involved is silent,
 * explain in the channel for a short while. A repost comes first and the original goes once Discord has answered,
 * so a refused repost never loses a message that is still readable; if the repost is refused the original goes
 * anyway, and its text stays in the infraction's evidence. Nothing here throws: a missing permission skips that
 * action and is reported to the server's admins, and the infraction is recorded all the same.
 */
@Component
@ConditionalOnDiscord
class ModerationActions {

    private static final Logger log = LoggerFactory.getLogger(ModerationActions.class);

    private final ChannelWebhooks webhooks;
    private final GuildTexts texts;
    private final DiscordProperties properties;
    private final MissingPermissions permissions;

    ModerationActions(
            ChannelWebhooks webhooks, GuildTexts texts, DiscordProperties properties, MissingPermissions permissions) {
        this.permissions = permissions;
        this.webhooks = webhooks;
        this.texts = texts;
        this.properties = properties;
    }

    void carryOut(Message message, Member member, Evaluation evaluation) {
        if (evaluation.repost() != null && message.getChannel() instanceof StandardGuildMessageChannel channel) {
            String name = member != null
                    ? member.getEffectiveName()
                    : message.getAuthor().getEffectiveName();
            String avatar = member != null
                    ? member.getEffectiveAvatarUrl()
                    : message.getAuthor().getEffectiveAvatarUrl();
            webhooks.send(channel, name, avatar, evaluation.repost()).whenComplete((sent, error) -> {
                if (error != null) {
                    log.warn(
                            "Could not repost message {} in channel {}: {}",
                            message.getId(),
                            channel.getId(),
                            error.getMessage());
                    missingPermission(message, error, Permission.MANAGE_WEBHOOKS);
                }
                delete(message);
            });
        } else if (evaluation.deletes()) {
            delete(message);
        }
        for (Violation violation : evaluation.violations()) {
            if (violation.action() != Violation.Action.RECORD_ONLY)
                violation.burst().forEach(ref -> deleteEarlier(message, ref));
        }
        boolean silent = evaluation.violations().stream().allMatch(Violation::silent);
        if (!silent) explain(message, evaluation);
    }

    /** An earlier message of the same burst (mentions spread over several messages); gone already is fine. */
    private void deleteEarlier(Message crossing, MessageRef ref) {
        GuildMessageChannel channel = crossing.getGuild().getChannelById(GuildMessageChannel.class, ref.channelId());
        if (channel == null) return;
        try {
            channel.deleteMessageById(ref.messageId())
                    .reason(texts.in(crossing.getGuild(), "audit.automod"))
                    .queue(
                            null,
                            new ErrorHandler()
                                    .ignore(ErrorResponse.UNKNOWN_MESSAGE)
                                    .handle(
                                            ErrorResponseException.class,
                                            error -> log.warn(
                                                    "Could not delete message {} of a burst: {}",
                                                    ref.messageId(),
                                                    error.getMessage())));
        } catch (InsufficientPermissionException e) {
            permissions.report(crossing.getGuild(), channel, e.getPermission());
        }
    }

    private void delete(Message message) {
        try {
            message.delete()
                    .reason(texts.in(message.getGuild(), "audit.automod"))
                    .queue(null, error -> {
                        log.warn("Could not delete message {}: {}", message.getId(), error.getMessage());
                        missingPermission(message, error, Permission.MESSAGE_MANAGE);
                    });
        } catch (InsufficientPermissionException e) {
            missingPermission(message, e, e.getPermission());
        }
    }

    /** Reports the permission when Discord (or JDA, before asking it) refused for lack of it. */
    private void missingPermission(Message message, Throwable error, Permission permission) {
        Throwable cause = error instanceof CompletionException c && c.getCause() != null ? c.getCause() : error;
        boolean missing = cause instanceof InsufficientPermissionException
                || (cause instanceof ErrorResponseException e
                        && (e.getErrorResponse() == ErrorResponse.MISSING_PERMISSIONS
                                || e.getErrorResponse() == ErrorResponse.MISSING_ACCESS));
        if (!missing) return;
        Permission which = cause instanceof InsufficientPermissionException i ? i.getPermission() : permission;
        permissions.report(message.getGuild(), message.getGuildChannel(), which);
    }

    private void explain(Message message, Evaluation evaluation) {
        try {
            sendExplanation(message, evaluation);
        } catch (InsufficientPermissionException e) {
            missingPermission(message, e, e.getPermission());
        }
    }

    private void sendExplanation(Message message, Evaluation evaluation) {
        String reasons = evaluation.violations().stream()
                .filter(v -> !v.silent())
                .map(v -> texts.in(
                        message.getGuild(), v.reasonCode(), v.reasonArgs().toArray()))
                .distinct()
                .collect(Collectors.joining(" "));
        message.getChannel()
                .sendMessage(message.getAuthor().getAsMention() + " " + reasons)
                .setAllowedMentions(EnumSet.of(Message.MentionType.USER))
                .mention(message.getAuthor())
                .queue(
                        reply -> reply.delete()
                                .queueAfter(
                                        properties.replyTtl().toMillis(),
                                        TimeUnit.MILLISECONDS,
                                        null,
                                        error -> log.debug("Explanation {} already gone", reply.getId())),
                        error -> log.warn(
                                "Could not explain in channel {}: {}",
                                message.getChannel().getId(),
                                error.getMessage()));
    }
}
