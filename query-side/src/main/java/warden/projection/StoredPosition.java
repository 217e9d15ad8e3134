package warden.projection;

/**
 * An event's position in the event store, when its tracking token cannot tell it (an event committed after later ones
 * fills a gap, and its token holds the highest position seen): looked up for all of a batch's rows in one query at the
 * flush. {@code fallback} serves an event that is not in the store.
 */
public record StoredPosition(String eventId, long fallback) {}
