package warden.discord;

import java.time.Duration;
import java.util.Optional;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.sharding.ShardManager;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;
import warden.common.GuildId;

/**
 * A guild as the side-effect processors need it: present, absent because Warden is not (or no longer) in it, or
 * not known yet because the shard that holds it is still connecting or the guild is unavailable (a Discord outage).
 * The last case waits a little, then throws {@link ShardNotReadyException}, and the processor retries the event
 * later: an action is delayed, never failed, because it was seen before its shard was ready.
 */
@Component
@ConditionalOnDiscord
public class DiscordGuilds {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final long POLL_MILLIS = 100;

    private final ShardManager shards;

    DiscordGuilds(@Lazy ShardManager shards) {
        this.shards = shards;
    }

    /** Thrown when a guild's shard is not connected (yet) or the guild is unavailable: try again later. */
    public static final class ShardNotReadyException extends RuntimeException {
        ShardNotReadyException(GuildId guild) {
            super("The shard of guild " + guild + " is not connected, or the guild is unavailable; retried later");
        }
    }

    /** The guild, or empty when Warden is not in it. */
    public Optional<Guild> find(GuildId id) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (true) {
            Guild guild = shards.getGuildById(id.value());
            if (guild != null) return Optional.of(guild);
            JDA shard = shardOf(id);
            if (shard != null && shard.getStatus() == JDA.Status.CONNECTED && !shard.isUnavailable(id.value())) {
                return Optional.empty();
            }
            if (System.nanoTime() > deadline) throw new ShardNotReadyException(id);
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ShardNotReadyException(id);
            }
        }
    }

    private JDA shardOf(GuildId id) {
        int total = shards.getShardsTotal();
        return total > 0 ? shards.getShardById(ShardSlice.shardOf(id.value(), total)) : null;
    }
}
