package warden.discord;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.Webhook;
import net.dv8tion.jda.api.entities.WebhookClient;
import net.dv8tion.jda.api.entities.channel.middleman.StandardGuildMessageChannel;
import net.dv8tion.jda.api.exceptions.ErrorResponseException;
import net.dv8tion.jda.api.requests.ErrorResponse;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.EnumSet;
import java.util.concurrent.CompletableFuture;

/**
 * Warden's own webhook in each channel it reposts to (censored messages, interserver relays): found or created
 * once, then cached. A webhook deleted behind Warden's back is recreated once on the next send.
 */
@Component
@ConditionalOnDiscord
public class ChannelWebhooks {

    static final String NAME = "Warden";

    private final Cache<Long, Webhook> webhooks = Caffeine.newBuilder().maximumSize(100_000).expireAfterAccess(Duration.ofDays(1)).build();

    /** A message Warden posted through a channel's webhook. */
    public record Sent(Message message, long webhookId) {
    }

    /** Sends {@code content} as {@code username} with {@code avatarUrl}, no mention allowed to fire. */
    public CompletableFuture<Sent> send(StandardGuildMessageChannel channel, String username, String avatarUrl, String content) {
        return withWebhook(channel, webhook -> client(channel, webhook).sendMessage(content)
                .setUsername(username)
                .setAvatarUrl(avatarUrl)
                .setAllowedMentions(EnumSet.noneOf(Message.MentionType.class))
                .submit()
                .thenApply(message -> new Sent(message, webhook.getIdLong())));
    }

    /** Edits a message Warden posted through the channel's webhook. */
    public CompletableFuture<Message> edit(StandardGuildMessageChannel channel, long messageId, String content) {
        return withWebhook(channel, webhook -> client(channel, webhook).editMessageById(messageId, content)
                .setAllowedMentions(EnumSet.noneOf(Message.MentionType.class)).submit());
    }

    /** Deletes a message Warden posted through the channel's webhook. */
    public CompletableFuture<Void> delete(StandardGuildMessageChannel channel, long messageId) {
        return withWebhook(channel, webhook -> client(channel, webhook).deleteMessageById(messageId).submit());
    }

    private static net.dv8tion.jda.api.entities.IncomingWebhookClient client(StandardGuildMessageChannel channel, Webhook webhook) {
        return WebhookClient.createClient(channel.getJDA(), webhook.getId(), webhook.getToken());
    }

    private <T> CompletableFuture<T> withWebhook(StandardGuildMessageChannel channel,
                                                  java.util.function.Function<Webhook, CompletableFuture<T>> action) {
        return webhook(channel).thenCompose(action).exceptionallyCompose(error -> {
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
        return channel.retrieveWebhooks().submit().thenCompose(existing -> existing.stream()
                        .filter(w -> w.getToken() != null && w.getOwnerAsUser() != null && w.getOwnerAsUser().getIdLong() == self)
                        .findFirst()
                        .map(CompletableFuture::completedFuture)
                        .orElseGet(() -> channel.createWebhook(NAME).submit()))
                .thenApply(webhook -> {
                    webhooks.put(channel.getIdLong(), webhook);
                    return webhook;
                });
    }

    private static boolean unknownWebhook(Throwable error) {
        Throwable cause = error instanceof java.util.concurrent.CompletionException c && c.getCause() != null ? c.getCause() : error;
        return cause instanceof ErrorResponseException e && e.getErrorResponse() == ErrorResponse.UNKNOWN_WEBHOOK;
    }
}
