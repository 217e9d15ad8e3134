package warden.automod;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * Per-member sliding windows for the rate modules (spam, mentions), on message timestamps so that a backtest of
 * old messages counts as live traffic did. Memory is bounded: a member idle longer than the longest window is
 * forgotten, and there is a ceiling on members tracked at once.
 */
public final class MemberRates {

    private static final Duration IDLE = Duration.ofHours(1).plusMinutes(1);

    private final Cache<Key, Window> windows;

    public MemberRates(long maxMembers) {
        this.windows = Caffeine.newBuilder()
                .maximumSize(maxMembers)
                .expireAfterAccess(IDLE)
                .build();
    }

    /** Whose window: one per guild, member and module. */
    record Key(long guild, long user, AutomodModule module) {}

    /** Adds {@code weight} at {@code at} and returns the total weight within {@code window} ending at {@code at}. */
    int add(Key key, Instant at, int weight, Duration window) {
        return add(key, at, weight, window, null).total();
    }

    /** The total within the window, and the earlier messages of the window not handed out before. */
    record Burst(int total, List<MessageRef> earlier) {}

    /**
     * Adds a message; when {@code limit} is not null and the total passes it, also hands out the window's earlier
     * messages, each only once, so that the whole burst can be deleted.
     */
    Burst add(Key key, Instant at, int weight, Duration window, MessageRef message, Integer limit) {
        Window w = windows.getIfPresent(key);
        if (w == null) w = windows.get(key, k -> new Window());
        synchronized (w) {
            int total = w.add(at.toEpochMilli(), weight, window.toMillis(), message);
            return new Burst(total, limit != null && total > limit ? w.takeEarlier() : List.of());
        }
    }

    private Burst add(Key key, Instant at, int weight, Duration window, MessageRef message) {
        return add(key, at, weight, window, message, null);
    }

    long tracked() {
        windows.cleanUp();
        return windows.estimatedSize();
    }

    private static final class Window {
        private static final class Entry {
            final long at;
            final int weight;
            MessageRef message;

            Entry(long at, int weight, MessageRef message) {
                this.at = at;
                this.weight = weight;
                this.message = message;
            }
        }

        private final ArrayDeque<Entry> entries = new ArrayDeque<>();
        private int total;

        int add(long at, int weight, long windowMillis, MessageRef message) {
            entries.addLast(new Entry(at, weight, message));
            total += weight;
            long from = at - windowMillis;
            while (!entries.isEmpty() && entries.peekFirst().at <= from) total -= entries.pollFirst().weight;
            return total;
        }

        /** Every message in the window but the newest, not handed out before. */
        List<MessageRef> takeEarlier() {
            List<MessageRef> earlier = new ArrayList<>();
            Entry newest = entries.peekLast();
            for (Entry e : entries) {
                if (e == newest) break;
                if (e.message != null) {
                    earlier.add(e.message);
                    e.message = null;
                }
            }
            if (newest != null) newest.message = null; // the newest is deleted by the violation itself
            return earlier;
        }
    }
}
