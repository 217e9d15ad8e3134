package warden.projection;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import java.util.stream.IntStream;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.GenericTrackedEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import warden.platform.testing.WardenSpringTest;

/**
 * Rows appended in a processor's batch, below and above the size from which they go in by COPY: every value arrives
 * as it was given (COPY's text format escapes), a row already there is kept and the others still go in, and an
 * event's position is read from the store when its token cannot tell it.
 */
@WardenSpringTest
class ProjectionAppendTest {

    private static final Append TABLE = Append.into("append_probe", "id", "position", "note", "at", "doc::jsonb");
    private static final String AWKWARD =
            "tab\there, new\nline, return\r, back\\slash \\N, quote ' \" , émoji 🛡️, \\t";

    @Autowired
    ProjectionWrites writes;

    @Autowired
    TransactionManager transactions;

    @Autowired
    JdbcClient db;

    @ParameterizedTest(name = "{0} rows")
    @ValueSource(ints = {1, ProjectionWrites.COPY_FROM_ROWS - 1, ProjectionWrites.COPY_FROM_ROWS, 300})
    void everyValueArrivesAsGiven(int count) {
        probeTable();
        inOneBatch(count, i -> new Object[] {
            "row-" + i, (long) i, i % 3 == 0 ? null : AWKWARD + i, at(i), "{\"n\": " + i + ", \"s\": \"a\\tb\"}"
        });

        List<Map<String, Object>> rows = db.sql(
                        "select id, position, note, at, doc::text as doc from append_probe order by position")
                .query()
                .listOfRows();
        assertThat(rows).hasSize(count);
        for (int i = 0; i < count; i++) {
            Map<String, Object> row = rows.get(i);
            assertThat(row.get("id")).isEqualTo("row-" + i);
            assertThat(row.get("position")).isEqualTo((long) i);
            assertThat(row.get("note")).isEqualTo(i % 3 == 0 ? null : AWKWARD + i);
            assertThat(db.sql("select at = ? from append_probe where id = ?")
                            .params(at(i), "row-" + i)
                            .query(Boolean.class)
                            .single())
                    .isTrue();
            assertThat(row.get("doc")).isEqualTo("{\"n\": " + i + ", \"s\": \"a\\tb\"}");
        }
    }

    @ParameterizedTest(name = "{0} rows")
    @ValueSource(ints = {2, ProjectionWrites.COPY_FROM_ROWS, 300})
    void aRowAlreadyThereIsKeptAndTheOthersGoIn(int count) {
        probeTable();
        db.sql("insert into append_probe(id, position, note, at, doc) values ('row-1', -1, 'first', now(), '{}')")
                .update();

        inOneBatch(count, i -> new Object[] {"row-" + i, (long) i, "again", at(i), "{}"});

        assertThat(db.sql("select count(*) from append_probe").query(Long.class).single())
                .isEqualTo(count);
        assertThat(db.sql("select note from append_probe where id = 'row-1'")
                        .query(String.class)
                        .single())
                .isEqualTo("first");
        assertThat(db.sql("select count(*) from append_probe where note = 'again'")
                        .query(Long.class)
                        .single())
                .isEqualTo(count - 1);
    }

    @ParameterizedTest(name = "{0} rows")
    @ValueSource(ints = {1, 300})
    void anEventsPositionIsReadFromTheStore(int count) {
        probeTable();
        long stored = db.sql("""
                        insert into domainevententry(aggregateidentifier, sequencenumber, type, eventidentifier, metadata,
                                                     payload, payloadtype, timestamp)
                        values (?, 0, 'Probe', ?, convert_to('{}', 'UTF8'), convert_to('{}', 'UTF8'),
                                'warden.no.SuchEvent', '2026-01-01T00:00:00Z')
                        returning globalindex""")
                .params("append-probe-" + count, "stored-event-" + count)
                .query(Long.class)
                .single();

        inOneBatch(count, i -> new Object[] {
            "row-" + i,
            new StoredPosition(i == 0 ? "stored-event-" + count : "not-stored-" + i, 1_000_000L + i),
            null,
            at(i),
            "{}"
        });

        assertThat(db.sql("select position from append_probe where id = 'row-0'")
                        .query(Long.class)
                        .single())
                .isEqualTo(stored);
        assertThat(db.sql("select count(*) from append_probe where position = 1000000 + substr(id, 5)::bigint")
                        .query(Long.class)
                        .single())
                .isEqualTo(count - 1);
    }

    private void probeTable() {
        db.sql("drop table if exists append_probe").update();
        db.sql(
                        "create table append_probe (id varchar(32) primary key, position bigint not null, note text, at timestamptz not null, doc jsonb not null)")
                .update();
    }

    /** One processor batch: a unit of work on a tracked event, committed with its transaction. */
    private void inOneBatch(int count, IntFunction<Object[]> row) {
        UnitOfWork<?> batch = DefaultUnitOfWork.startAndGet(new GenericTrackedEventMessage<>(
                new GlobalSequenceTrackingToken(1), new GenericEventMessage<>("batch")));
        batch.attachTransaction(transactions);
        IntStream.range(0, count).forEach(i -> writes.append(TABLE, row.apply(i)));
        batch.commit();
    }

    private static OffsetDateTime at(int i) {
        // half a microsecond over: the driver rounds it up, and a COPY must store what an insert would
        return OffsetDateTime.of(2026, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC)
                .plusSeconds(i)
                .plusNanos(i * 1_000L + 500);
    }
}
