package warden.discord;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How Warden connects to Discord.
 *
 * @param token       the bot token ({@code DISCORD_TOKEN}); without it Warden runs without the bot. Never logged.
 * @param enabled     false keeps the bot off even with a token (the {@code replay} command does)
 * @param apiBaseUrl  Discord's REST base URL; only tests change it (to a fake Discord)
 * @param gatewayUrl  the gateway URL; only tests set it
 * @param shardsTotal total number of shards, or -1 to ask Discord
 * @param shards      the shards this node runs, for example {@code 0-3} or {@code 4,5}; empty for all
 * @param replyTtl    how long an automod explanation stays in the channel
 * @param work        the lanes Discord work runs on (see {@link GuildWork})
 * @param interserverCooldown the least time between two of a member's messages relayed from one channel (0: none)
 */
@ConfigurationProperties("warden.discord")
public record DiscordProperties(
        String token,
        boolean enabled,
        String apiBaseUrl,
        String gatewayUrl,
        Integer shardsTotal,
        String shards,
        Duration replyTtl,
        Work work,
        Duration interserverCooldown) {

    public DiscordProperties {
        if (shardsTotal == null) shardsTotal = -1;
        if (replyTtl == null) replyTtl = Duration.ofSeconds(10);
        if (work == null) work = new Work(null, null);
        if (interserverCooldown == null) interserverCooldown = Duration.ofSeconds(3);
        if (interserverCooldown.isNegative())
            throw new IllegalArgumentException("warden.discord.interserver-cooldown cannot be negative");
    }

    /**
     * @param lanes how many guild lanes run at once (a guild always uses the same one)
     * @param queue how much work a lane holds before intake waits
     */
    public record Work(Integer lanes, Integer queue) {
        public Work {
            if (lanes == null) lanes = 8;
            if (queue == null) queue = 2_000;
            if (lanes < 1 || queue < 1)
                throw new IllegalArgumentException("warden.discord.work.lanes and .queue must be at least 1");
        }
    }

    public boolean connects() {
        return enabled && token != null && !token.isBlank();
    }

    /** The shards this node holds: every shard when the total is left to Discord, else the configured ones (all if none). */
    public List<ShardSlice> slices() {
        if (shardsTotal <= 0) {
            if (shards != null && !shards.isBlank())
                throw new IllegalArgumentException("warden.discord.shards needs warden.discord.shards-total");
            return List.of(ShardSlice.ALL);
        }
        List<Integer> ids = shardIds(shards);
        if (ids.isEmpty()) for (int i = 0; i < shardsTotal; i++) ids.add(i);
        List<ShardSlice> slices = new ArrayList<>();
        for (int id : ids) {
            if (id < 0 || id >= shardsTotal) {
                throw new IllegalArgumentException("warden.discord.shards: shard " + id
                        + " is not below warden.discord.shards-total (" + shardsTotal + ")");
            }
            slices.add(new ShardSlice(id, shardsTotal));
        }
        return List.copyOf(slices);
    }

    /** {@code "0-3"}, {@code "4,5,7"}, or empty for every shard. */
    static List<Integer> shardIds(String spec) {
        List<Integer> ids = new ArrayList<>();
        if (spec == null || spec.isBlank()) return ids;
        for (String part : spec.split(",")) {
            String p = part.strip();
            int dash = p.indexOf('-');
            try {
                if (dash > 0) {
                    int from = Integer.parseInt(p.substring(0, dash).strip());
                    int to = Integer.parseInt(p.substring(dash + 1).strip());
                    for (int i = from; i <= to; i++) ids.add(i);
                } else {
                    ids.add(Integer.parseInt(p));
                }
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(
                        "warden.discord.shards: '" + p + "' is neither a shard nor a range such as 0-3");
            }
        }
        return ids;
    }

    @Override
    public String toString() {
        return "DiscordProperties[token=" + (token == null || token.isBlank() ? "<none>" : "<set>") + ", enabled="
                + enabled
                + ", apiBaseUrl=" + apiBaseUrl + ", gatewayUrl=" + gatewayUrl + ", shardsTotal=" + shardsTotal
                + ", shards=" + shards + ", work=" + work + ", interserverCooldown=" + interserverCooldown + "]";
    }
}
