package warden.platform;

import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import warden.platform.testing.WardenSpringTest;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Warden's event store reads events exactly as Axon's own JDBC engine does: the same tracking tokens (gaps included,
 * for recent events), the same times, whatever form a stored time has. The rows live in a table of their own, so the
 * application's processors never see them.
 */
@WardenSpringTest
class EventStoreReadingTest {

    @Autowired JdbcClient db;
    @Autowired ConnectionProvider connections;
    @Autowired TransactionManager transactions;
    @Autowired @Qualifier("eventSerializer") Serializer serializer;

    @Test
    void streamsAndLoadsEventsAsAxonDoes() {
        db.sql("create table engine_test_events (like domainevententry including all)").update();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        // old events (no gap is kept for them), then recent ones with holes at 14 and 16-17 (kept as gaps)
        List<String> times = List.of("2026-01-01T00:00:00Z", "2026-01-01T00:00:00.5Z", "2026-01-01T02:00:00+02:00",
                "2025-06-30T23:59:59.123456789Z", now.minusSeconds(5).toString(), now.toString(), now.plusMillis(1).toString());
        long[] positions = {10, 11, 12, 13, 15, 18, 19};
        for (int i = 0; i < positions.length; i++) {
            db.sql("""
                            insert into engine_test_events(globalindex, aggregateidentifier, sequencenumber, type, eventidentifier,
                                                           metadata, payload, payloadrevision, payloadtype, timestamp)
                            values (?, 'agg', ?, 'Test', ?, convert_to('{}', 'UTF8'), convert_to('{}', 'UTF8'), null, 'warden.test.Nothing', ?)""")
                    .params(positions[i], i, "event-" + i, times.get(i)).update();
        }
        EventPositions noted = new EventPositions(100);
        JdbcEventStorageEngine warden = new PositionRecordingEventStorageEngine(builder(), noted);
        JdbcEventStorageEngine axon = builder().build();

        List<? extends TrackedEventMessage<?>> ours = transactions.fetchInTransaction(() -> warden.readEvents(null, false).limit(7).toList());
        List<? extends TrackedEventMessage<?>> theirs = transactions.fetchInTransaction(() -> axon.readEvents(null, false).limit(7).toList());

        assertThat(ours).hasSize(7);
        for (int i = 0; i < 7; i++) {
            assertThat(ours.get(i).trackingToken()).as("token %d", i).isEqualTo(theirs.get(i).trackingToken());
            assertThat(ours.get(i).getTimestamp()).as("time %d", i).isEqualTo(theirs.get(i).getTimestamp());
            assertThat(noted.of("event-" + i)).isEqualTo(positions[i]);
        }
        assertThat(ours.get(6).trackingToken().toString()).contains("gaps=[14, 16, 17]");

        List<Instant> loaded = warden.readEvents("agg").asStream().map(DomainEventMessage::getTimestamp).toList();
        assertThat(loaded).hasSize(7).isEqualTo(axon.readEvents("agg").asStream().map(DomainEventMessage::getTimestamp).toList());
    }

    private JdbcEventStorageEngine.Builder builder() {
        return JdbcEventStorageEngine.builder().connectionProvider(connections).transactionManager(transactions)
                .eventSerializer(serializer).snapshotSerializer(serializer).batchSize(1000)
                .schema(EventSchema.builder().eventTable("engine_test_events").build());
    }
}
