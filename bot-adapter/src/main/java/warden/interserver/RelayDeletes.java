package warden.interserver;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import net.dv8tion.jda.api.entities.channel.middleman.StandardGuildMessageChannel;
import net.dv8tion.jda.api.sharding.ShardManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;
import warden.discord.ChannelWebhooks;
import warden.discord.ConditionalOnDiscord;

/**
 * Deleted originals take their relayed copies with them. Every deletion in every channel is a question for the relay
 * map in PostgreSQL; asked on the guild's lane, that question held up the messages behind it (a raid's thousands of
 * deletions each waited for a query while the raid's next messages waited for them). The questions are asked here
 * instead, off the lanes, a batch of deletions per round trip; a deletion's order with anything else does not matter.
 */
@Component
@ConditionalOnDiscord
class RelayDeletes implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(RelayDeletes.class);
    private static final int BATCH = 500;

    private final RelayMap relays;
    private final ChannelWebhooks webhooks;
    private final ShardManager shards;
    private final BlockingQueue<Long> deleted = new ArrayBlockingQueue<>(100_000);
    private final com.github.benmanes.caffeine.cache.Cache<Long, Boolean> gone =
            com.github.benmanes.caffeine.cache.Caffeine.newBuilder()
                    .expireAfterWrite(java.time.Duration.ofMinutes(10))
                    .maximumSize(100_000)
                    .build();
    private final Counter dropped;
    private final Thread follower;
    private volatile boolean running = true;

    RelayDeletes(RelayMap relays, ChannelWebhooks webhooks, @Lazy ShardManager shards, MeterRegistry meters) {
        this.relays = relays;
        this.webhooks = webhooks;
        this.shards = shards;
        this.dropped = Counter.builder("warden.interserver.relay.deletes.dropped")
                .description("deleted originals whose copies were not looked up: the queue was full")
                .register(meters);
        this.follower = new Thread(this::follow, "relay-deletes");
        this.follower.setDaemon(true);
        this.follower.start();
    }

    /** Queues a deleted message; never blocks the caller (a gateway or lane thread). */
    void deleted(long messageId) {
        gone.put(messageId, Boolean.TRUE);
        if (!deleted.offer(messageId)) dropped.increment();
    }

    /**
     * Whether the original was deleted lately: a relay not started yet is not sent, and a copy stored after the
     * deletion looked for it is deleted when stored.
     */
    boolean gone(long messageId) {
        return gone.getIfPresent(messageId) != null;
    }

    private void follow() {
        List<Long> batch = new ArrayList<>(BATCH);
        while (running || !deleted.isEmpty()) {
            try {
                Long first = deleted.poll(1, java.util.concurrent.TimeUnit.SECONDS);
                if (first == null) continue;
                batch.clear();
                batch.add(first);
                deleted.drainTo(batch, BATCH - 1);
                deleteCopies(batch);
            } catch (InterruptedException e) {
                if (!running) return;
            } catch (RuntimeException e) {
                log.warn(
                        "Could not follow {} deleted originals to their relayed copies: {}",
                        batch.size(),
                        e.getMessage());
            }
        }
    }

    private void deleteCopies(List<Long> originals) {
        Map<Long, List<RelayMap.Copy>> copies = relays.copiesOf(originals);
        if (copies.isEmpty()) return;
        copies.values()
                .forEach(each -> each.forEach(copy -> {
                    StandardGuildMessageChannel target =
                            shards.getChannelById(StandardGuildMessageChannel.class, copy.channelId());
                    if (target == null) return;
                    webhooks.delete(target, copy.webhookId(), copy.messageId()).whenComplete((v, e) -> {
                        if (e != null)
                            log.warn("Could not delete relayed copy {}: {}", copy.messageId(), e.getMessage());
                    });
                }));
        relays.forget(copies.keySet());
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        follower.interrupt();
        follower.join(10_000);
    }
}
