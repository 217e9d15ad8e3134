package warden.platform;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where each event read lately from the store lies in it (its global index), as the store's reader found it. A read
 * model that keeps an event's position asks here: a tracking token cannot tell it for an event that filled a gap (the
 * token then holds the highest position seen), and asking PostgreSQL costs a random probe of the event identifiers'
 * index per event (about 30 µs while catching up on fresh events, a third of the work).
 * <p>
 * It keeps the last {@code capacity} events read, in the order they were read: each processor's reader notes an
 * event just before handing it to its handlers, however far ahead another processor's reader ran. (A cache that
 * weighs how often a key was used, such as Caffeine's, turned those late notes away and kept the early ones.) An event
 * no longer here is looked up in the store.
 */
public class EventPositions {

    private final Map<String, Long> recent;

    public EventPositions(int capacity) {
        this.recent = new LinkedHashMap<>(capacity * 4 / 3 + 1) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Long> eldest) {
                return size() > capacity;
            }
        };
    }

    synchronized void record(String eventId, long position) {
        recent.remove(eventId); // noted again: it becomes the newest
        recent.put(eventId, position);
    }

    /** The event's position in the store, or null when it was not read lately. */
    public synchronized Long of(String eventId) {
        return recent.get(eventId);
    }
}
