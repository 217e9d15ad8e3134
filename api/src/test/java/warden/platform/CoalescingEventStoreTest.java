package warden.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.serialization.Serializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import warden.platform.testing.WardenSpringTest;

/**
 * The event store tells its reader of commits at most once per interval, yet every event reaches the processors, in
 * order, and a commit after a quiet interval is read at once. Each test has an event table of its own, so the
 * application's processors never see its events; the reader's own polling is set to an hour, so only the store's
 * signals can wake it.
 */
@WardenSpringTest
class CoalescingEventStoreTest {

    @Autowired
    JdbcClient db;

    @Autowired
    ConnectionProvider connections;

    @Autowired
    TransactionManager transactions;

    @Autowired
    @Qualifier("eventSerializer")
    Serializer serializer;

    /** The reader's rounds: each reads the store until it finds nothing. */
    private final AtomicInteger reads = new AtomicInteger();

    @Test
    void commitsCloseTogetherAreReadTogether() throws Exception {
        EmbeddedEventStore store = store("coalescing_close_events", Duration.ofMillis(500));
        try (BlockingStream<TrackedEventMessage<?>> stream = tailing(store)) {
            int before = reads.get();
            for (int i = 0; i < 30; i++) publish(store, "event-" + i);
            List<Object> received = new ArrayList<>();
            while (received.size() < 30 && stream.hasNextAvailable(30, TimeUnit.SECONDS))
                received.add(stream.nextAvailable().getPayload());
            assertThat(received)
                    .as("every event, in order")
                    .isEqualTo(Stream.iterate(0, i -> i + 1)
                            .limit(30)
                            .map(i -> "event-" + i)
                            .toList());
            // told of each of the 30 commits, Axon's reader reads at least twice per commit
            assertThat(reads.get() - before)
                    .as("reads for 30 commits within one interval")
                    .isLessThanOrEqualTo(10);
        } finally {
            store.shutDown();
        }
    }

    @Test
    void aCommitAfterAQuietIntervalIsReadAtOnce() throws Exception {
        EmbeddedEventStore store = store("coalescing_quiet_events", Duration.ofHours(1));
        try (BlockingStream<TrackedEventMessage<?>> stream = tailing(store)) {
            publish(store, "alone");
            assertThat(stream.hasNextAvailable(30, TimeUnit.SECONDS))
                    .as("read without waiting for the interval")
                    .isTrue();
            assertThat(stream.nextAvailable().getPayload()).isEqualTo("alone");
        } finally {
            store.shutDown();
        }
    }

    private EmbeddedEventStore store(String table, Duration interval) {
        db.sql("create table " + table + " (like domainevententry including all)")
                .update();
        // a sequence of its own: taking numbers from the event table's would leave gaps in the application's store
        db.sql("create sequence " + table + "_seq").update();
        db.sql("alter table " + table + " alter column globalindex set default nextval('" + table + "_seq')")
                .update();
        JdbcEventStorageEngine.Builder engine = JdbcEventStorageEngine.builder()
                .connectionProvider(connections)
                .transactionManager(transactions)
                .eventSerializer(serializer)
                .snapshotSerializer(serializer)
                .schema(EventSchema.builder().eventTable(table).build());
        JdbcEventStorageEngine counting = new JdbcEventStorageEngine(engine) {
            @Override
            public Stream<? extends TrackedEventMessage<?>> readEvents(TrackingToken token, boolean mayBlock) {
                if (mayBlock) reads.incrementAndGet();
                return super.readEvents(token, mayBlock);
            }
        };
        return new CoalescingEventStore(
                EmbeddedEventStore.builder()
                        .storageEngine(counting)
                        .fetchDelay(Duration.ofHours(1).toMillis()),
                interval);
    }

    /** A stream that follows the head through the store's reader (the way the processors do), once the past is read. */
    private static BlockingStream<TrackedEventMessage<?>> tailing(EmbeddedEventStore store)
            throws InterruptedException {
        BlockingStream<TrackedEventMessage<?>> stream = store.openStream(null);
        assertThat(stream.hasNextAvailable(100, TimeUnit.MILLISECONDS))
                .as("an empty table")
                .isFalse();
        return stream;
    }

    /** One event in a transaction of its own; the store hears of it once the transaction is committed. */
    private void publish(EmbeddedEventStore store, String payload) {
        UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
        unitOfWork.attachTransaction(transactions);
        store.publish(GenericEventMessage.asEventMessage(payload));
        unitOfWork.commit();
    }
}
