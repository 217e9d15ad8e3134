package warden.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import warden.platform.testing.WardenSpringTest;

/**
 * Warden's event store reads events exactly as Axon's own JDBC engine does: the same tracking tokens (gaps included,
 * for recent events), the same times, whatever form a stored time has. The rows live in a table of their own, so the
 * application's processors never see them.
 */
@WardenSpringTest
class EventStoreReadingTest {

    @Autowired
    JdbcClient db;

    @Autowired
    ConnectionProvider connections;

    @Autowired
    TransactionManager transactions;

    @Autowired
    @Qualifier("eventSerializer")
    Serializer serializer;

    @Test
    void streamsAndLoadsEventsAsAxonDoes() {
        db.sql("create table engine_test_events (like domainevententry including all)")
                .update();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        // old events (no gap is kept for them), then recent ones with holes at 14 and 16-17 (kept as gaps)
        List<String> times = List.of(
                "2026-01-01T00:00:00Z",
                "2026-01-01T00:00:00.5Z",
                "2026-01-01T02:00:00+02:00",
                "2025-06-30T23:59:59.123456789Z",
                now.minusSeconds(5).toString(),
                now.toString(),
                now.plusMillis(1).toString());
        long[] positions = {10, 11, 12, 13, 15, 18, 19};
        for (int i = 0; i < positions.length; i++) {
            db.sql("""
                            insert into engine_test_events(globalindex, aggregateidentifier, sequencenumber, type, eventidentifier,
                                                           metadata, payload, payloadrevision, payloadtype, timestamp)
                            values (?, 'agg', ?, 'Test', ?, convert_to('{}', 'UTF8'), convert_to('{}', 'UTF8'), null, 'warden.test.Nothing', ?)""").params(positions[i], i, "event-" + i, times.get(i)).update();
        }
        EventPositions noted = new EventPositions(100);
        JdbcEventStorageEngine warden = new PositionRecordingEventStorageEngine(builder(), noted);
        JdbcEventStorageEngine axon = builder().build();

        List<? extends TrackedEventMessage<?>> ours = transactions.fetchInTransaction(
                () -> warden.readEvents(null, false).limit(7).toList());
        List<? extends TrackedEventMessage<?>> theirs = transactions.fetchInTransaction(
                () -> axon.readEvents(null, false).limit(7).toList());

        assertThat(ours).hasSize(7);
        for (int i = 0; i < 7; i++) {
            assertThat(ours.get(i).trackingToken())
                    .as("token %d", i)
                    .isEqualTo(theirs.get(i).trackingToken());
            assertThat(ours.get(i).getTimestamp())
                    .as("time %d", i)
                    .isEqualTo(theirs.get(i).getTimestamp());
            assertThat(noted.of("event-" + i)).isEqualTo(positions[i]);
        }
        assertThat(ours.get(6).trackingToken().toString()).contains("gaps=[14, 16, 17]");

        List<Instant> loaded = warden.readEvents("agg")
                .asStream()
                .map(DomainEventMessage::getTimestamp)
                .toList();
        assertThat(loaded)
                .hasSize(7)
                .isEqualTo(axon.readEvents("agg")
                        .asStream()
                        .map(DomainEventMessage::getTimestamp)
                        .toList());
    }

    @Test
    void readsPastGapsWiderThanABatchAndGapsFilledLater() {
        db.sql("create table engine_gap_events (like domainevententry including all)")
                .update();
        Instant now = Instant.now();
        // 1-3 and 5, then nothing for more than ten batches; 4 stays a gap while recent
        for (long position : new long[] {1, 2, 3, 5, 40, 41}) insert("engine_gap_events", position, now);
        JdbcEventStorageEngine warden =
                new PositionRecordingEventStorageEngine(builder("engine_gap_events", 3), new EventPositions(100));
        JdbcEventStorageEngine axon = builder("engine_gap_events", 3).build();

        List<? extends TrackedEventMessage<?>> first =
                warden.readEvents(null, false).limit(4).toList();
        assertThat(first.get(3).trackingToken().toString()).contains("index=5").contains("gaps=[4]");
        List<? extends TrackedEventMessage<?>> ours =
                warden.readEvents(first.get(3).trackingToken(), false).toList();
        List<? extends TrackedEventMessage<?>> theirs =
                axon.readEvents(first.get(3).trackingToken(), false).toList();
        assertThat(ours)
                .extracting(TrackedEventMessage::trackingToken)
                .hasSize(2)
                .isEqualTo(
                        theirs.stream().map(TrackedEventMessage::trackingToken).toList());

        // the gap is filled (a transaction that took 4 committed late): read along with what follows
        insert("engine_gap_events", 4, now);
        insert("engine_gap_events", 42, now);
        TrackingToken before = ours.get(1).trackingToken();
        assertThat(before.toString()).contains("gaps=[4, 6,");
        ours = warden.readEvents(before, false).toList();
        theirs = axon.readEvents(before, false).toList();
        assertThat(ours).extracting(TrackedEventMessage::getIdentifier).containsExactly("event-4", "event-42");
        assertThat(ours)
                .extracting(TrackedEventMessage::trackingToken)
                .isEqualTo(
                        theirs.stream().map(TrackedEventMessage::trackingToken).toList());
        assertThat(ours.get(1).trackingToken().toString()).contains("index=42, gaps=[6, 7,");
    }

    @Test
    void theHeadsReaderStopsAfterAShortBatch() {
        db.sql("create table engine_head_events (like domainevententry including all)")
                .update();
        Instant now = Instant.now();
        for (long position = 1; position <= 7; position++) insert("engine_head_events", position, now);
        AtomicInteger queries = new AtomicInteger();
        JdbcEventStorageEngine warden = new PositionRecordingEventStorageEngine(
                builder("engine_head_events", 3).connectionProvider(counting(queries)), new EventPositions(100));

        // batches of 3, 3 and 1: the short one ends the stream without asking again
        assertThat(warden.readEvents(null, true).toList()).hasSize(7);
        assertThat(queries).hasValue(3);
        queries.set(0);
        // a processor catching up still reads until it finds nothing
        assertThat(warden.readEvents(null, false).toList()).hasSize(7);
        assertThat(queries).hasValue(4);
    }

    private void insert(String table, long position, Instant time) {
        db.sql("insert into " + table + """
                        (globalindex, aggregateidentifier, sequencenumber, type, eventidentifier,
                         metadata, payload, payloadrevision, payloadtype, timestamp)
                        values (?, 'agg', ?, 'Test', ?, convert_to('{}', 'UTF8'), convert_to('{}', 'UTF8'), null, 'warden.test.Nothing', ?)""")
                .params(position, position, "event-" + position, time.toString())
                .update();
    }

    /** The application's connections, counting the statements prepared on them. */
    private ConnectionProvider counting(AtomicInteger statements) {
        return () -> {
            Connection connection = connections.getConnection();
            return (Connection) Proxy.newProxyInstance(
                    Connection.class.getClassLoader(), new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                        if (method.getName().equals("prepareStatement")) statements.incrementAndGet();
                        try {
                            return method.invoke(connection, args);
                        } catch (java.lang.reflect.InvocationTargetException e) {
                            throw e.getCause();
                        }
                    });
        };
    }

    private JdbcEventStorageEngine.Builder builder() {
        return builder("engine_test_events", 1000);
    }

    private JdbcEventStorageEngine.Builder builder(String table, int batchSize) {
        return JdbcEventStorageEngine.builder()
                .connectionProvider(connections)
                .transactionManager(transactions)
                .eventSerializer(serializer)
                .snapshotSerializer(serializer)
                .batchSize(batchSize)
                .schema(EventSchema.builder().eventTable(table).build());
    }
}
