package warden.platform;

import com.github.benmanes.caffeine.cache.Caffeine;
import java.lang.reflect.Field;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ConcurrentMap;
import java.util.function.UnaryOperator;
import org.axonframework.common.Registration;
import org.axonframework.common.caching.Cache;
import org.axonframework.eventsourcing.AggregateCacheEntry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Axon's aggregate cache on Caffeine: a bounded number of recently used aggregates, held strongly. Axon's own
 * {@code WeakReferenceCache} loses its entries at every garbage collection, which under load is every few
 * hundred milliseconds: each command then reloaded its aggregate from the store.
 * <p>
 * With several nodes on one database, an entry can be behind the store: another node appended to the aggregate. A
 * write from it fails on its sequence number (and Axon evicts it), but a decision that writes nothing (a ban's end
 * finding no ban) would be taken on old state. So every event appended anywhere is shown to the cache
 * ({@link #seen}), which drops an entry older than it: the aggregate is then loaded from its snapshot and the events
 * after it. Checking each entry against the store when read did the same at a third of the automod path's speed.
 */
public final class CaffeineAggregateCache implements Cache {

    private static final Logger log = LoggerFactory.getLogger(CaffeineAggregateCache.class);
    private static final Field VERSION = versionField();

    /** An entry and the aggregate's version it holds (null when unknown: never trusted against the store). */
    private record Held(Object value, Long version) {}

    private final ConcurrentMap<Object, Held> entries;

    public CaffeineAggregateCache(long maxEntries, Duration idle) {
        this.entries = Caffeine.newBuilder()
                .maximumSize(maxEntries)
                .expireAfterAccess(idle)
                .<Object, Held>build()
                .asMap();
    }

    /**
     * An event of the aggregate was appended (by this node or another): an entry that does not hold it yet is behind
     * the store and is dropped. This node's own events are held already by the time they are read back.
     */
    public void seen(String aggregateId, long sequenceNumber) {
        entries.computeIfPresent(
                aggregateId, (id, held) -> held.version() == null || held.version() < sequenceNumber ? null : held);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <K, V> V get(K key) {
        Held held = entries.get(key);
        return held == null ? null : (V) held.value();
    }

    @Override
    public void put(Object key, Object value) {
        entries.put(key, held(value));
    }

    @Override
    public boolean putIfAbsent(Object key, Object value) {
        return entries.putIfAbsent(key, held(value)) == null;
    }

    @Override
    public boolean remove(Object key) {
        return entries.remove(key) != null;
    }

    @Override
    public void removeAll() {
        entries.clear();
    }

    @Override
    public boolean containsKey(Object key) {
        return entries.containsKey(key);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <V> void computeIfPresent(Object key, UnaryOperator<V> update) {
        entries.computeIfPresent(key, (k, held) -> held(Objects.requireNonNull(update.apply((V) held.value()))));
    }

    /** Axon's listeners feed its metrics; Warden does not use them. */
    @Override
    public Registration registerCacheEntryListener(EntryListener listener) {
        return () -> true;
    }

    private static Held held(Object value) {
        Long version = null;
        if (VERSION != null && value instanceof AggregateCacheEntry<?>) {
            try {
                version = (Long) VERSION.get(value);
            } catch (IllegalAccessException e) {
                version = null;
            }
        }
        return new Held(value, version);
    }

    /** Axon keeps the entry's version private; read it once per entry rather than ask the store again. */
    private static Field versionField() {
        try {
            Field field = AggregateCacheEntry.class.getDeclaredField("version");
            field.setAccessible(true);
            return field;
        } catch (ReflectiveOperationException | RuntimeException e) {
            log.warn(
                    "Cached aggregates cannot be checked against the store (Axon's cache entry changed): {}",
                    e.toString());
            return null;
        }
    }
}
