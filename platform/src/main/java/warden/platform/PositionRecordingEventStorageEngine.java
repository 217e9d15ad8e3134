package warden.platform;

import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;

import java.sql.ResultSet;
import java.sql.SQLException;

/** Axon's JDBC event store, which also notes in {@link EventPositions} where each event it streams lies in the store. */
class PositionRecordingEventStorageEngine extends JdbcEventStorageEngine {

    private final EventPositions positions;

    PositionRecordingEventStorageEngine(Builder builder, EventPositions positions) {
        super(builder);
        this.positions = positions;
    }

    @Override
    protected TrackedEventData<?> getTrackedEventData(ResultSet resultSet, GapAwareTrackingToken previousToken) throws SQLException {
        TrackedEventData<?> event = super.getTrackedEventData(resultSet, previousToken);
        positions.record(event.getEventIdentifier(), resultSet.getLong(schema().globalIndexColumn()));
        return event;
    }
}
