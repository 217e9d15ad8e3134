package warden.platform;

import org.axonframework.common.DateTimeUtils;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.TrackedDomainEventData;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import warden.common.IsoInstants;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

/**
 * Axon's JDBC event store, which also notes in {@link EventPositions} where each event it streams lies in the store,
 * and reads each event's stored time once. Axon's entries keep the time as text and parse it with java.time's general
 * parser every time it is asked for, twice per streamed event (once here for the gap check, once for the message):
 * that was a sixth of the JVM's CPU while the read models caught up on a million events. The tracking token is built
 * exactly as Axon builds it ({@code JdbcEventStorageEngine.getTrackedEventData} in 4.13), with the gap settings this
 * class gives the builder.
 */
class PositionRecordingEventStorageEngine extends JdbcEventStorageEngine {

    /** Axon's defaults, set on the builder here so that the token below is built with the values the engine uses. */
    private static final long LOWEST_GLOBAL_SEQUENCE = 1;
    private static final int MAX_GAP_OFFSET = 10_000;
    private static final int GAP_TIMEOUT_MILLIS = 60_000;

    private final EventPositions positions;

    PositionRecordingEventStorageEngine(Builder builder, EventPositions positions) {
        super(builder.lowestGlobalSequence(LOWEST_GLOBAL_SEQUENCE).maxGapOffset(MAX_GAP_OFFSET).gapTimeout(GAP_TIMEOUT_MILLIS));
        this.positions = positions;
    }

    @Override
    protected TrackedEventData<?> getTrackedEventData(ResultSet resultSet, GapAwareTrackingToken previousToken) throws SQLException {
        EventSchema schema = schema();
        long globalSequence = resultSet.getLong(schema.globalIndexColumn());
        String aggregateIdentifier = resultSet.getString(schema.aggregateIdentifierColumn());
        String eventIdentifier = resultSet.getString(schema.eventIdentifierColumn());
        StoredEventEntry<?> event = entry(resultSet, eventIdentifier.equals(aggregateIdentifier) ? null : aggregateIdentifier,
                eventIdentifier);

        boolean allowGaps = event.getTimestamp().isAfter(GenericEventMessage.clock.instant().minus(GAP_TIMEOUT_MILLIS, ChronoUnit.MILLIS));
        GapAwareTrackingToken token;
        if (previousToken == null) {
            token = GapAwareTrackingToken.newInstance(globalSequence, allowGaps
                    ? LongStream.range(Math.min(LOWEST_GLOBAL_SEQUENCE, globalSequence), globalSequence).boxed()
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
        return entry(resultSet, resultSet.getString(schema().aggregateIdentifierColumn()),
                resultSet.getString(schema().eventIdentifierColumn()));
    }

    /** The current row as an entry; the identifiers are the caller's, as Axon's two readers take them differently. */
    private StoredEventEntry<?> entry(ResultSet resultSet, String aggregateIdentifier, String eventIdentifier) throws SQLException {
        EventSchema schema = schema();
        return new StoredEventEntry<>(resultSet.getString(schema.typeColumn()), aggregateIdentifier,
                resultSet.getLong(schema.sequenceNumberColumn()), eventIdentifier,
                readTimeStamp(resultSet, schema.timestampColumn()).toString(),
                resultSet.getString(schema.payloadTypeColumn()), resultSet.getString(schema.payloadRevisionColumn()),
                readPayload(resultSet, schema.payloadColumn()), readPayload(resultSet, schema.metaDataColumn()));
    }

    /** An event read from the store, its time parsed once when it is read. */
    static final class StoredEventEntry<T> extends GenericDomainEventEntry<T> {

        private final Instant timestamp;

        StoredEventEntry(String type, String aggregateIdentifier, long sequenceNumber, String eventIdentifier, String timestamp,
                         String payloadType, String payloadRevision, T payload, T metaData) {
            super(type, aggregateIdentifier, sequenceNumber, eventIdentifier, timestamp, payloadType, payloadRevision, payload, metaData);
            Instant fast = IsoInstants.parseUtc(timestamp);
            this.timestamp = fast != null ? fast : DateTimeUtils.parseInstant(timestamp);
        }

        @Override
        public Instant getTimestamp() {
            return timestamp;
        }
    }
}
