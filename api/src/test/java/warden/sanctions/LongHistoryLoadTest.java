package warden.sanctions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.caching.Cache;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import warden.common.Actor;
import warden.common.MemberKey;
import warden.platform.testing.WardenSpringTest;

/**
 * A member with 10,000 past infractions loads from a snapshot and the few events after it, and keeps only the
 * recent infractions in memory. The times are printed for the record (a benchmark measures, a test does not).
 */
@WardenSpringTest
class LongHistoryLoadTest {

    private static final int PAST = 10_000;
    private static final Instant START = Instant.parse("2025-06-01T00:00:00Z");

    @Autowired
    EventStore eventStore;

    @Autowired
    TransactionManager transactions;

    @Autowired
    CommandGateway commands;

    @Autowired
    @Qualifier("memberRecordCache")
    Cache cache;

    @Autowired
    JdbcClient db;

    @Test
    void aLongHistoryLoadsFromASnapshot() {
        MemberKey veteran = MemberKey.of(7001, 1);
        MemberKey newcomer = MemberKey.of(7001, 2);
        // 10,000 infractions over 400 days, written as they would have been: one stream, in order
        for (int batch = 0; batch < PAST / 1000; batch++) {
            int from = batch * 1000;
            transactions.executeInTransaction(() -> {
                List<GenericDomainEventMessage<?>> events = new ArrayList<>();
                for (int i = from; i < from + 1000; i++) {
                    events.add(new GenericDomainEventMessage<>(
                            "MemberRecord",
                            veteran.toString(),
                            i,
                            new InfractionRecorded(
                                    veteran,
                                    InfractionId.of("past-" + i),
                                    InfractionType.SPAM,
                                    Actor.automod("spam"),
                                    null,
                                    Evidence.none(),
                                    START.plus(Duration.ofMinutes(i * 57L)))));
                }
                eventStore.publish(events);
            });
        }
        Instant now = START.plus(Duration.ofMinutes(PAST * 57L + 60));
        awaitProjections(); // measure the command side alone

        long firstLoad = timeRecord(veteran, "first", now); // reads all 10,000 events, then snapshots
        await().atMost(Duration.ofSeconds(30)).until(() -> snapshotSequence(veteran) >= PAST - 1);

        awaitProjections();
        long[] veteranTimes = new long[15];
        long[] newcomerTimes = new long[15];
        for (int i = 0; i < veteranTimes.length; i++) {
            cache.removeAll(); // load from the store each time, not from memory
            veteranTimes[i] = timeRecord(veteran, "v" + i, now.plusSeconds(i));
            newcomerTimes[i] = timeRecord(newcomer, "n" + i, now.plusSeconds(i));
        }
        long[] reads = new long[15];
        for (int i = 0; i < reads.length; i++) {
            long t = System.nanoTime();
            eventStore.readEvents(veteran.toString()).asStream().forEach(m -> m.getPayload());
            reads[i] = System.nanoTime() - t;
        }
        System.out.printf(
                Locale.ROOT,
                "[long-history] read snapshot+events %.1f ms, snapshot %d bytes%n",
                median(reads) / 1e6,
                db.sql("select length(payload) from snapshotevententry where aggregateidentifier = ?")
                        .param(veteran.toString())
                        .query(Long.class)
                        .single());
        System.out.printf(
                Locale.ROOT,
                "[long-history] record on a member with %,d past events: first load %.1f ms (no snapshot yet); "
                        + "from the snapshot: median %.1f ms; a new member: median %.1f ms%n",
                PAST,
                firstLoad / 1e6,
                median(veteranTimes) / 1e6,
                median(newcomerTimes) / 1e6);

        // loading reads the snapshot, not the history
        assertThat(eventStore.readEvents(veteran.toString()).asStream().count())
                .isLessThan(MemberRecord.SNAPSHOT_EVERY + 10);
        assertThat(snapshotSequence(veteran)).isGreaterThanOrEqualTo(PAST - 1);
        // and the snapshot holds the recent infractions only, the rest as ids
        String snapshot = db.sql(
                        "select convert_from(payload, 'UTF8') from snapshotevententry where aggregateidentifier = ?")
                .param(veteran.toString())
                .query(String.class)
                .single();
        long recentInSnapshot = snapshot.split("\"SPAM\"").length - 1;
        assertThat(recentInSnapshot)
                .isBetween(InfractionLog.HORIZON.toMinutes() / 57 - 10, InfractionLog.HORIZON.toMinutes() / 57 + 10);
        assertThat(snapshot).contains("\"past-0\"");
    }

    private long timeRecord(MemberKey member, String id, Instant at) {
        long started = System.nanoTime();
        commands.sendAndWait(new RecordInfraction(
                member,
                InfractionId.of(id),
                InfractionType.SPAM,
                Actor.automod("spam"),
                null,
                Evidence.none(),
                at,
                null));
        return System.nanoTime() - started;
    }

    private void awaitProjections() {
        await().atMost(Duration.ofSeconds(60))
                .until(() -> db.sql("select count(*) from audit_event")
                        .query(Long.class)
                        .single()
                        .equals(db.sql("select count(*) from domainevententry")
                                .query(Long.class)
                                .single()));
    }

    private long snapshotSequence(MemberKey member) {
        return db.sql("select coalesce(max(sequencenumber), -1) from snapshotevententry where aggregateidentifier = ?")
                .param(member.toString())
                .query(Long.class)
                .single();
    }

    private static long median(long[] values) {
        long[] sorted = values.clone();
        java.util.Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
