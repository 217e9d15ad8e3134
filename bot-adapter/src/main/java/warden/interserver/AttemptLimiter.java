package warden.interserver;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Slows down guessing: a member may present a few wrong frequencies, a server a few more, within a quarter of an
 * hour; then every attempt is refused until the window passes.
 */
final class AttemptLimiter {
    static final int PER_USER = 5;
    static final int PER_GUILD = 20;
    private static final Duration WINDOW = Duration.ofMinutes(15);

    private final Cache<String, AtomicInteger> failures = Caffeine.newBuilder().expireAfterWrite(WINDOW).maximumSize(100_000).build();

    boolean blocked(long guild, long user) {
        return count("u:" + user) >= PER_USER || count("g:" + guild) >= PER_GUILD;
    }

    void failed(long guild, long user) {
        failures.get("u:" + user, k -> new AtomicInteger()).incrementAndGet();
        failures.get("g:" + guild, k -> new AtomicInteger()).incrementAndGet();
    }

    private int count(String key) {
        AtomicInteger n = failures.getIfPresent(key);
        return n == null ? 0 : n.get();
    }
}
