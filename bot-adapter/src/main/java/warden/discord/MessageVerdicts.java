package warden.discord;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.springframework.stereotype.Component;

/**
 * What the server's own automod made of a new message, for whoever must not act before it is known: a relay to
 * partner servers waits for it, so that a message automod removes (deleted, blocked, reposted censored) never reaches
 * another server. Automod and the relay run as separate tasks of the guild's lane in either order, so the verdict is
 * a future, never a lock: the relay continues when the verdict comes, or after {@link #PATIENCE} (automod stuck or
 * absent: the message is taken as kept, since it stays readable where it was written).
 */
@Component
@ConditionalOnDiscord
public class MessageVerdicts {

    /** Automod decides in milliseconds; the invite lookup it may wait for takes one request to Discord. */
    public static final Duration PATIENCE = Duration.ofSeconds(5);

    private final Cache<Long, CompletableFuture<Boolean>> verdicts = Caffeine.newBuilder()
            .expireAfterWrite(Duration.ofMinutes(2))
            .maximumSize(200_000)
            .build();
    private final ExecutorService handOff = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "message-verdicts");
        thread.setDaemon(true);
        return thread;
    });

    /** Automod has decided: {@code removed} when the message will not stay as written. */
    public void decided(long messageId, boolean removed) {
        verdicts.get(messageId, id -> new CompletableFuture<>()).complete(removed);
    }

    /**
     * Runs {@code then} with whether automod removed the message ({@code false} after {@link #PATIENCE}), on a thread
     * of its own: the verdict is given on a guild's lane, and handing work back to a full lane from that lane's own
     * thread would wait for ever.
     */
    public void whenDecided(long messageId, Consumer<Boolean> then) {
        verdicts.get(messageId, id -> new CompletableFuture<>())
                .copy()
                .completeOnTimeout(false, PATIENCE.toMillis(), TimeUnit.MILLISECONDS)
                .thenAcceptAsync(then, handOff);
    }

    @PreDestroy
    void stop() {
        handOff.shutdown();
    }
}
