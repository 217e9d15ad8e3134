package warden.discord;

import warden.common.GuildId;

/**
 * One Discord shard a bot node holds, or {@link #ALL} when the node holds every shard and leaves their number to
 * Discord. A guild belongs to shard {@code (guild_id >> 22) % total}: that shard's node carries out everything
 * Warden does on Discord for the guild.
 */
public record ShardSlice(int shard, int total) {

    public static final ShardSlice ALL = new ShardSlice(0, 0);

    public boolean holds(GuildId guild) {
        return total <= 0 || shardOf(guild.value(), total) == shard;
    }

    public static int shardOf(long guildId, int total) {
        return (int) ((guildId >>> 22) % total);
    }

    /** The name of a side-effect processor for this slice: {@code sanction-executor} or {@code sanction-executor@1-of-4}. */
    public String processor(String base) {
        return total <= 0 ? base : base + "@" + shard + "-of-" + total;
    }
}
