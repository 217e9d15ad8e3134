package warden.platform;

import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ConcurrentMap;
import java.util.function.UnaryOperator;
import org.axonframework.common.Registration;
import org.axonframework.common.caching.Cache;

/**
 * Axon's aggregate cache on Caffeine: a bounded number of recently used aggregates, held strongly. Axon's own
 * {@code WeakReferenceCache} loses its entries at every garbage collection, which under load is every few
 * hundred milliseconds: each command then reloaded its aggregate from the store. Axon evicts an entry whose
 * command failed, and a record changed by another node makes the append fail on its sequence number (and evicts
 * it), so a stale entry is never written from.
 */
public final class CaffeineAggregateCache implements Cache {

    private final ConcurrentMap<Object, Object> entries;

    public CaffeineAggregateCache(long maxEntries, Duration idle) {
        this.entries = Caffeine.newBuilder()
                .maximumSize(maxEntries)
                .expireAfterAccess(idle)
                .build()
                .asMap();
    }

    @Override
    @SuppressWarnings("unchecked")
    public <K, V> V get(K key) {
        return (V) entries.get(key);
    }

    @Override
    public void put(Object key, Object value) {
        entries.put(key, value);
    }

    @Override
    public boolean putIfAbsent(Object key, Object value) {
        return entries.putIfAbsent(key, value) == null;
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
        entries.computeIfPresent(key, (k, v) -> Objects.requireNonNull(update.apply((V) v)));
    }

    /** Axon's listeners feed its metrics; Warden does not use them. */
    @Override
    public Registration registerCacheEntryListener(EntryListener listener) {
        return () -> true;
    }
}
