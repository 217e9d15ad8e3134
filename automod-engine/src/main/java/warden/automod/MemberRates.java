package warden.automod;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;

/**
 * Per-member sliding windows for the rate modules (spam, mentions), on message timestamps so that a backtest of
 * old messages counts as live traffic did. Memory is bounded: a member idle longer than the longest window is
 * forgotten, and there is a ceiling on members tracked at once.
 */
public final class MemberRates {

    private static final Duration IDLE = Duration.ofHours(1).plusMinutes(1);

    private final Cache<Key, Window> windows;

    public MemberRates(long maxMembers) {
        this.windows = Caffeine.newBuilder().maximumSize(maxMembers).expireAfterAccess(IDLE).build();
    }

    /** Whose window: one per guild, member and module. */
    record Key(long guild, long user, AutomodModule module) {
    }

    /** Adds {@code weight} at {@code at} and returns the total weight within {@code window} ending at {@code at}. */
    int add(Key key, Instant at, int weight, Duration window) {
        Window w = windows.getIfPresent(key);
        if (w == null) w = windows.get(key, k -> new Window());
        synchronized (w) {
            return w.add(at.toEpochMilli(), weight, window.toMillis());
        }
    }

    long tracked() {
        windows.cleanUp();
        return windows.estimatedSize();
    }

    private static final class Window {
        private final ArrayDeque<long[]> entries = new ArrayDeque<>();
        private int total;

        int add(long at, int weight, long windowMillis) {
            entries.addLast(new long[]{at, weight});
            total += weight;
            long from = at - windowMillis;
            while (!entries.isEmpty() && entries.peekFirst()[0] <= from) total -= (int) entries.pollFirst()[1];
            return total;
        }
    }
}
