package warden.platform;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.axonframework.common.DateTimeUtils;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.TrackedDomainEventData;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import warden.common.IsoInstants;

/**
 * Axon's JDBC event store, which also notes in {@link EventPositions} where each event it streams lies in the store,
 * and reads each event's stored time once. Axon's entries keep the time as text and parse it with java.time's general
 * parser every time it is asked for, twice per streamed event (once here for the gap check, once for the message):
 * that was a sixth of the JVM's CPU while the read models caught up on a million events. The tracking token is built
 * exactly as Axon builds it ({@code JdbcEventStorageEngine.getTrackedEventData} in 4.13), with the gap settings this
 * class gives the builder.
 * <p>
 * The event store's reader, which follows the head for the processors, asks for what is new after every commit (or
 * every few, see {@link CoalescingEventStore}). Axon answered each time with five queries: the new events, then the
 * range after them (empty), then the smallest position beyond that range in case a gap wider than a batch hid
 * events, and once more the last two when the reader looked again. Here the next events are read as "the next
 * {@code batchSize} positions that exist" ({@code limit}, not a range of positions), so no gap can hide what follows
 * it and the extra query is not needed, and the reader's stream ends after a batch shorter than asked (everything
 * committed was in it; the reader looks again by itself): two queries per look.
 */
class PositionRecordingEventStorageEngine extends JdbcEventStorageEngine {

    /** Axon's defaults, set on the builder here so that the token below is built with the values the engine uses. */
    private static final long LOWEST_GLOBAL_SEQUENCE = 1;

    private static final int MAX_GAP_OFFSET = 10_000;
    private static final int GAP_TIMEOUT_MILLIS = 60_000;

    private final EventPositions positions;

    PositionRecordingEventStorageEngine(Builder builder, EventPositions positions) {
        super(builder.lowestGlobalSequence(LOWEST_GLOBAL_SEQUENCE)
                .maxGapOffset(MAX_GAP_OFFSET)
                .gapTimeout(GAP_TIMEOUT_MILLIS)
                .readEventDataWithoutGaps(PositionRecordingEventStorageEngine::nextEvents)
                .readEventDataWithGaps(PositionRecordingEventStorageEngine::nextEventsAndGaps)
                .extendedGapCheckEnabled(false));
        this.positions = positions;
    }

    /** The next {@code batchSize} events after {@code globalIndex}, however far apart their positions are. */
    static PreparedStatement nextEvents(Connection connection, EventSchema schema, long globalIndex, int batchSize)
            throws SQLException {
        PreparedStatement statement = connection.prepareStatement(nextEventsQuery(schema));
        statement.setLong(1, globalIndex);
        statement.setInt(2, batchSize);
        return statement;
    }

    /** Its parameters: the position after which to read, then how many events. */
    private static String nextEventsQuery(EventSchema schema) {
        return "SELECT " + schema.trackedEventFields() + " FROM " + schema.domainEventTable() + " WHERE "
                + schema.globalIndexColumn() + " > ? ORDER BY " + schema.globalIndexColumn() + " LIMIT ?";
    }

    /**
     * As {@link #nextEvents}, plus the events that have since filled the token's gaps (all of them, as Axon reads
     * them). Two index scans joined, so that the planner never sorts everything after {@code globalIndex} to apply
     * the limit to an "or".
     */
    static PreparedStatement nextEventsAndGaps(
            Connection connection, EventSchema schema, long globalIndex, int batchSize, List<Long> gaps)
            throws SQLException {
        String position = schema.globalIndexColumn();
        PreparedStatement statement =
                connection.prepareStatement("SELECT * FROM ((SELECT " + schema.trackedEventFields()
                        + " FROM " + schema.domainEventTable() + " WHERE " + position + " = ANY (?)) UNION ALL ("
                        + nextEventsQuery(schema) + ")) events ORDER BY " + position);
        statement.setArray(1, connection.createArrayOf("bigint", gaps.toArray()));
        statement.setLong(2, globalIndex);
        statement.setInt(3, batchSize);
        return statement;
    }

    @Override
    protected Stream<? extends TrackedEventData<?>> readEventData(TrackingToken trackingToken, boolean mayBlock) {
        // a processor catching up (mayBlock false) reads on until it finds nothing, as Axon does
        if (!mayBlock) return super.readEventData(trackingToken, false);
        int batchSize = batchSize();
        return StreamSupport.stream(
                new Spliterators.AbstractSpliterator<TrackedEventData<?>>(
                        Long.MAX_VALUE, Spliterator.NONNULL | Spliterator.ORDERED | Spliterator.DISTINCT) {
                    private Iterator<? extends TrackedEventData<?>> batch = Collections.emptyIterator();
                    private TrackingToken last = trackingToken;
                    private boolean lastBatch;

                    @Override
                    public boolean tryAdvance(Consumer<? super TrackedEventData<?>> action) {
                        if (!batch.hasNext()) {
                            if (lastBatch) return false;
                            List<? extends TrackedEventData<?>> events = fetchTrackedEvents(last, batchSize);
                            lastBatch = events.size() < batchSize;
                            batch = events.iterator();
                            if (!batch.hasNext()) return false;
                        }
                        TrackedEventData<?> next = batch.next();
                        last = next.trackingToken();
                        action.accept(next);
                        return true;
                    }
                },
                false);
    }

    @Override
    protected TrackedEventData<?> getTrackedEventData(ResultSet resultSet, GapAwareTrackingToken previousToken)
            throws SQLException {
        EventSchema schema = schema();
        long globalSequence = resultSet.getLong(schema.globalIndexColumn());
        String aggregateIdentifier = resultSet.getString(schema.aggregateIdentifierColumn());
        String eventIdentifier = resultSet.getString(schema.eventIdentifierColumn());
        StoredEventEntry<?> event = entry(
                resultSet, eventIdentifier.equals(aggregateIdentifier) ? null : aggregateIdentifier, eventIdentifier);

        boolean allowGaps = event.getTimestamp()
                .isAfter(GenericEventMessage.clock.instant().minus(GAP_TIMEOUT_MILLIS, ChronoUnit.MILLIS));
        GapAwareTrackingToken token;
        if (previousToken == null) {
            token = GapAwareTrackingToken.newInstance(
                    globalSequence,
                    allowGaps
                            ? LongStream.range(Math.min(LOWEST_GLOBAL_SEQUENCE, globalSequence), globalSequence)
                                    .boxed()
                                    .collect(Collectors.toCollection(TreeSet::new))
                            : Collections.emptySortedSet());
        } else {
            token = previousToken.advanceTo(globalSequence, allowGaps ? MAX_GAP_OFFSET : 0);
        }
        positions.record(eventIdentifier, globalSequence);
        return new TrackedDomainEventData<>(token, event);
    }

    @Override
    protected DomainEventData<?> getDomainEventData(ResultSet resultSet) throws SQLException {
        return entry(
                resultSet,
                resultSet.getString(schema().aggregateIdentifierColumn()),
                resultSet.getString(schema().eventIdentifierColumn()));
    }

    /** The current row as an entry; the identifiers are the caller's, as Axon's two readers take them differently. */
    private StoredEventEntry<?> entry(ResultSet resultSet, String aggregateIdentifier, String eventIdentifier)
            throws SQLException {
        EventSchema schema = schema();
        return new StoredEventEntry<>(
                resultSet.getString(schema.typeColumn()),
                aggregateIdentifier,
                resultSet.getLong(schema.sequenceNumberColumn()),
                eventIdentifier,
                readTimeStamp(resultSet, schema.timestampColumn()).toString(),
                resultSet.getString(schema.payloadTypeColumn()),
                resultSet.getString(schema.payloadRevisionColumn()),
                readPayload(resultSet, schema.payloadColumn()),
                readPayload(resultSet, schema.metaDataColumn()));
    }

    /** An event read from the store, its time parsed once when it is read. */
    static final class StoredEventEntry<T> extends GenericDomainEventEntry<T> {

        private final Instant timestamp;

        StoredEventEntry(
                String type,
                String aggregateIdentifier,
                long sequenceNumber,
                String eventIdentifier,
                String timestamp,
                String payloadType,
                String payloadRevision,
                T payload,
                T metaData) {
            super(
                    type,
                    aggregateIdentifier,
                    sequenceNumber,
                    eventIdentifier,
                    timestamp,
                    payloadType,
                    payloadRevision,
                    payload,
                    metaData);
            Instant fast = IsoInstants.parseUtc(timestamp);
            this.timestamp = fast != null ? fast : DateTimeUtils.parseInstant(timestamp);
        }

        @Override
        public Instant getTimestamp() {
            return timestamp;
        }
    }
}
