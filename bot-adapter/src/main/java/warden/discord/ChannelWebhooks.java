package warden.discord;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.EnumSet;
import java.util.concurrent.CompletableFuture;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.Webhook;
import net.dv8tion.jda.api.entities.WebhookClient;
import net.dv8tion.jda.api.entities.channel.middleman.StandardGuildMessageChannel;
import net.dv8tion.jda.api.exceptions.ErrorResponseException;
import net.dv8tion.jda.api.requests.ErrorResponse;
import org.springframework.stereotype.Component;

/**
 * Warden's own webhook in each channel it reposts to (censored messages, interserver relays): found or created
 * once, then cached. A webhook deleted behind Warden's back is recreated once on the next send.
 */
@Component
@ConditionalOnDiscord
public class ChannelWebhooks {

    static final String NAME = "Warden";

    private final Cache<Long, Webhook> webhooks = Caffeine.newBuilder()
            .maximumSize(100_000)
            .expireAfterAccess(Duration.ofDays(1))
            .build();

    /** A message Warden posted through a channel's webhook. */
    public record Sent(Message message, long webhookId) {}

    /**
     * Sends {@code content} as {@code username} (made acceptable to Discord, see {@link WebhookNames}) with
     * {@code avatarUrl}, no mention allowed to fire.
     */
    public CompletableFuture<Sent> send(
            StandardGuildMessageChannel channel, String username, String avatarUrl, String content) {
        return withWebhook(
                channel,
                webhook -> client(channel, webhook)
                        .sendMessage(content)
                        .setUsername(WebhookNames.safe(username))
                        .setAvatarUrl(avatarUrl)
                        .setAllowedMentions(EnumSet.noneOf(Message.MentionType.class))
                        .submit()
                        .thenApply(message -> new Sent(message, webhook.getIdLong())));
    }

    /**
     * Edits a message Warden posted through webhook {@code webhookId} of the channel: Discord lets a webhook edit its
     * own messages only. Fails with {@link WebhookGone} when that webhook no longer exists.
     */
    public CompletableFuture<Message> edit(
            StandardGuildMessageChannel channel, long webhookId, long messageId, String content) {
        return withOwnWebhook(
                channel,
                webhookId,
                webhook -> client(channel, webhook)
                        .editMessageById(messageId, content)
                        .setAllowedMentions(EnumSet.noneOf(Message.MentionType.class))
                        .submit());
    }

    /** Deletes a message Warden posted through webhook {@code webhookId}; {@link WebhookGone} when it no longer exists. */
    public CompletableFuture<Void> delete(StandardGuildMessageChannel channel, long webhookId, long messageId) {
        return withOwnWebhook(
                channel,
                webhookId,
                webhook -> client(channel, webhook).deleteMessageById(messageId).submit());
    }

    /** The webhook that posted a copy is gone: nobody can edit or delete that copy any more. */
    public static final class WebhookGone extends RuntimeException {
        WebhookGone(long webhookId) {
            super("webhook " + webhookId + " no longer exists");
        }
    }

    private <T> CompletableFuture<T> withOwnWebhook(
            StandardGuildMessageChannel channel,
            long webhookId,
            java.util.function.Function<Webhook, CompletableFuture<T>> action) {
        Webhook current = webhooks.getIfPresent(channel.getIdLong());
        CompletableFuture<Webhook> webhook;
        try {
            webhook = current != null && current.getIdLong() == webhookId
                    ? CompletableFuture.completedFuture(current)
                    : channel.retrieveWebhooks()
                            .submit()
                            .thenApply(all -> all.stream()
                                    .filter(w -> w.getIdLong() == webhookId && w.getToken() != null)
                                    .findFirst()
                                    .orElseThrow(() -> new WebhookGone(webhookId)));
        } catch (RuntimeException refused) {
            return CompletableFuture.failedFuture(refused);
        }
        return webhook.thenCompose(action)
                .exceptionallyCompose(error ->
                        CompletableFuture.failedFuture(unknownWebhook(error) ? new WebhookGone(webhookId) : error));
    }

    private static net.dv8tion.jda.api.entities.IncomingWebhookClient client(
            StandardGuildMessageChannel channel, Webhook webhook) {
        return WebhookClient.createClient(channel.getJDA(), webhook.getId(), webhook.getToken());
    }

    /** Never throws: a refusal JDA makes before asking Discord (a missing permission) fails the future instead. */
    private <T> CompletableFuture<T> withWebhook(
            StandardGuildMessageChannel channel, java.util.function.Function<Webhook, CompletableFuture<T>> action) {
        CompletableFuture<T> first;
        try {
            first = webhook(channel).thenCompose(action);
        } catch (RuntimeException refused) {
            return CompletableFuture.failedFuture(refused);
        }
        return first.exceptionallyCompose(error -> {
            if (unknownWebhook(error)) { // deleted by someone: recreate once
                webhooks.invalidate(channel.getIdLong());
                return webhook(channel).thenCompose(action);
            }
            return CompletableFuture.failedFuture(error);
        });
    }

    private CompletableFuture<Webhook> webhook(StandardGuildMessageChannel channel) {
        Webhook known = webhooks.getIfPresent(channel.getIdLong());
        if (known != null) return CompletableFuture.completedFuture(known);
        long self = channel.getJDA().getSelfUser().getIdLong();
        return channel.retrieveWebhooks()
                .submit()
                .thenCompose(existing -> existing.stream()
                        .filter(w -> w.getToken() != null
                                && w.getOwnerAsUser() != null
                                && w.getOwnerAsUser().getIdLong() == self)
                        .findFirst()
                        .map(CompletableFuture::completedFuture)
                        .orElseGet(() -> channel.createWebhook(NAME).submit()))
                .thenApply(webhook -> {
                    webhooks.put(channel.getIdLong(), webhook);
                    return webhook;
                });
    }

    private static boolean unknownWebhook(Throwable error) {
        Throwable cause = error instanceof java.util.concurrent.CompletionException c && c.getCause() != null
                ? c.getCause()
                : error;
        return cause instanceof ErrorResponseException e && e.getErrorResponse() == ErrorResponse.UNKNOWN_WEBHOOK;
    }
}
