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

    /** Sends {@code content} as {@code username} with {@code avatarUrl}, no mention allowed to fire. */
    public CompletableFuture<Message> send(StandardGuildMessageChannel channel, String username, String avatarUrl, String content) {
        return webhook(channel).thenCompose(webhook -> post(channel, webhook, username, avatarUrl, content))
                .exceptionallyCompose(error -> {
                    if (unknownWebhook(error)) { // deleted by someone: recreate once
                        webhooks.invalidate(channel.getIdLong());
                        return webhook(channel).thenCompose(webhook -> post(channel, webhook, username, avatarUrl, content));
                    }
                    return CompletableFuture.failedFuture(error);
                });
    }

    private CompletableFuture<Message> post(StandardGuildMessageChannel channel, Webhook webhook, String username,
                                            String avatarUrl, String content) {
        return WebhookClient.createClient(channel.getJDA(), webhook.getId(), webhook.getToken())
                .sendMessage(content)
                .setUsername(username)
                .setAvatarUrl(avatarUrl)
                .setAllowedMentions(EnumSet.noneOf(Message.MentionType.class))
                .submit();
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
