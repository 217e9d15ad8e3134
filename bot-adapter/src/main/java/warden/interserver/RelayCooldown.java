package warden.interserver;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Duration;

/**
 * The least time between two of a member's messages relayed from one channel: a member who writes faster is not
 * relayed and hears it once per cooldown, so one chatty member cannot flood every partner server. Kept in memory:
 * a channel's relay runs on its guild's lane on one node.
 */
final class RelayCooldown {

    enum Verdict {
        /** Relay it. */
        RELAY,
        /** Too soon: do not relay, and tell the member (first time within this cooldown). */
        HOLD_AND_TELL,
        /** Too soon, and the member was told already. */
        HOLD
    }

    private record Key(long channel, long member) {}

    private final long cooldownNanos;
    private final Ticker ticker;
    /** Key -> when the member's last relayed message passed, and whether they were told since. */
    private final Cache<Key, long[]> last;

    RelayCooldown(Duration cooldown, Ticker ticker) {
        this.cooldownNanos = cooldown.toNanos();
        this.ticker = ticker;
        this.last = Caffeine.newBuilder()
                .ticker(ticker)
                .expireAfterWrite(cooldown.isZero() ? Duration.ofNanos(1) : cooldown)
                .maximumSize(500_000)
                .build();
    }

    Verdict check(long channel, long member) {
        if (cooldownNanos == 0) return Verdict.RELAY;
        long now = ticker.read();
        Key key = new Key(channel, member);
        long[] previous = last.getIfPresent(key);
        if (previous == null || now - previous[0] >= cooldownNanos) {
            last.put(key, new long[] {now, 0});
            return Verdict.RELAY;
        }
        if (previous[1] == 0) {
            previous[1] = 1;
            return Verdict.HOLD_AND_TELL;
        }
        return Verdict.HOLD;
    }

    long cooldownSeconds() {
        return Math.max(1, Duration.ofNanos(cooldownNanos).toSeconds());
    }
}
