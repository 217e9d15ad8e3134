package warden.automod;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import warden.common.GuildId;
import warden.config.GuildPolicyReader;
import warden.config.PolicyDocument;

import java.time.Duration;

/**
 * Each guild's compiled policy for the hot path. A compiled policy is reused while its version is current; the
 * current version is re-read from the event store at most once per {@code refresh} per guild, so a policy change
 * reaches every node within that delay without a database read per message.
 */
public final class CompiledPolicyCache {

    private final GuildPolicyReader reader;
    private final DetectionEngine engine;
    private final Cache<GuildId, Entry> entries;
    private final long refreshNanos;

    private record Entry(PolicyDocument policy, CompiledPolicy compiled, long checkedAt) {
    }

    public CompiledPolicyCache(GuildPolicyReader reader, DetectionEngine engine, Duration refresh, long maxGuilds) {
        this.reader = reader;
        this.engine = engine;
        this.refreshNanos = refresh.toNanos();
        this.entries = Caffeine.newBuilder().maximumSize(maxGuilds).expireAfterAccess(Duration.ofHours(6)).build();
    }

    public CompiledPolicy compiled(GuildId guild) {
        return entry(guild).compiled();
    }

    public PolicyDocument policy(GuildId guild) {
        return entry(guild).policy();
    }

    private Entry entry(GuildId guild) {
        long now = System.nanoTime();
        Entry known = entries.getIfPresent(guild);
        if (known != null && now - known.checkedAt() < refreshNanos) return known;
        PolicyDocument current = reader.current(guild);
        Entry next = known != null && known.policy().version() == current.version()
                ? new Entry(known.policy(), known.compiled(), now)
                : new Entry(current, engine.compile(current), now);
        entries.put(guild, next);
        return next;
    }

    /** A change made on this node is visible at once. */
    public void invalidate(GuildId guild) {
        entries.invalidate(guild);
    }
}
