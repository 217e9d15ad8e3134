package warden.projection;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.postgresql.PGConnection;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import warden.platform.EventPositions;

/**
 * The writes of the projections, gathered over the processor's batch of events and sent at its commit as JDBC
 * batches, one round trip per statement. Projections only write (they never read their own tables while handling),
 * so nothing needs to see a write before the commit. A write that fails fails the batch, which the processor
 * retries: an event is never skipped silently.
 * <p>
 * Several projections handle the same event, so their statements come interleaved (an audit row, an infraction row,
 * an audit row...): a write joins the last batch of the same statement unless a write to the same table came after
 * that batch. Writes to one table thus keep the order the handlers made them in, which is all the read models need:
 * a statement writes one table and reads no other table a projection writes.
 * <p>
 * A streaming processor's batch commits without waiting for its WAL to reach the disk ({@code synchronous_commit
 * off} for that transaction alone): a read model is derived from the event store, and the batch's rows and its
 * token are lost or kept together, so a crash only makes the processor handle those events again. The events
 * themselves, and every command's transaction, stay synchronously durable; a commit is visible to readers at once.
 * Every fsync saved is one the command side's commits no longer queue behind.
 * <p>
 * Rows {@linkplain #append appended} to a table go in with COPY when a batch holds many of them (a replay, catching
 * up): PostgreSQL then parses neither a statement nor a parameter per value, and the JVM binds none. COPY knows no
 * {@code on conflict}: it runs under a savepoint, and a row already there (the same event handled again) sends the
 * batch's rows again as inserts that keep it.
 */
@Component
public class ProjectionWrites {

    private static final String PENDING = ProjectionWrites.class.getName() + ".pending";

    /** Fewer rows go in as one multi-row insert: COPY's savepoint and its own round trips would cost more. */
    static final int COPY_FROM_ROWS = 64;

    private static final String UNIQUE_VIOLATION = "23505";

    /** A statement on one table and the rows sent with it in one JDBC batch; {@code append} set when the rows are appended. */
    record Run(String sql, String table, Append append, List<Object[]> rows) {}

    private final JdbcTemplate jdbc;
    private final EventPositions positions;

    public ProjectionWrites(JdbcTemplate jdbc, EventPositions positions) {
        this.jdbc = jdbc;
        this.positions = positions;
    }

    /** A statement that writes {@code table} (and reads no table a projection writes). */
    public void write(String table, String sql, Object... args) {
        if (!CurrentUnitOfWork.isStarted()) {
            jdbc.update(sql, args);
            return;
        }
        add(pending(), sql, table, null, args);
    }

    /**
     * Adds a row to {@code target}, unless a row with its key is there already; values as {@link #write} takes them, in
     * the order of the target's columns. A target that keeps the event's place in the store
     * ({@link Append#eventPositionIn}) gets it here: projections see rows, never positions.
     */
    public void append(Append target, Object... values) {
        Object[] row = target.positionColumn() < 0 ? values : withPosition(target.positionColumn(), values);
        if (!CurrentUnitOfWork.isStarted()) {
            List<Object[]> rows = List.<Object[]>of(row);
            resolvePositions(rows);
            send(target.insertSql(), rows);
            return;
        }
        add(pending(), target.insertSql(), target.table(), target, row);
    }

    /**
     * The row with the position of the event being handled: as the store's reader noted it, or to be looked up with the
     * batch's others. A tracking token cannot tell it: an event committed after later ones (concurrent writers) fills a
     * gap, and its token holds the highest position seen.
     */
    private Object[] withPosition(int column, Object[] values) {
        Object position = null;
        if (CurrentUnitOfWork.isStarted()
                && CurrentUnitOfWork.get().getMessage() instanceof TrackedEventMessage<?> event) {
            Long noted = positions.of(event.getIdentifier());
            position = noted != null
                    ? noted
                    : new StoredPosition(
                            event.getIdentifier(),
                            event.trackingToken().position().orElse(-1));
        }
        Object[] row = new Object[values.length + 1];
        System.arraycopy(values, 0, row, 0, column);
        row[column] = position;
        System.arraycopy(values, column, row, column + 1, values.length - column);
        return row;
    }

    private List<Run> pending() {
        UnitOfWork<?> current = CurrentUnitOfWork.get();
        UnitOfWork<?> batch = current.root();
        return batch.getOrComputeResource(PENDING, key -> {
            if (current.getMessage() instanceof TrackedEventMessage)
                jdbc.execute("set local synchronous_commit to off");
            List<Run> runs = new ArrayList<>();
            batch.onPrepareCommit(unitOfWork -> flush(runs));
            return runs;
        });
    }

    static void add(List<Run> runs, String sql, String table, Object[] args) {
        add(runs, sql, table, null, args);
    }

    private static void add(List<Run> runs, String sql, String table, Append append, Object[] args) {
        for (int i = runs.size() - 1; i >= 0; i--) {
            Run run = runs.get(i);
            if (run.sql().equals(sql)) {
                run.rows().add(args);
                return;
            }
            if (run.table().equals(table)) break;
        }
        List<Object[]> rows = new ArrayList<>();
        rows.add(args);
        runs.add(new Run(sql, table, append, rows));
    }

    private void flush(List<Run> runs) {
        for (Run run : runs) {
            if (run.append() != null) { // an append run's statement is its insert, sent when COPY is not used
                resolvePositions(run.rows());
                if (run.rows().size() >= COPY_FROM_ROWS && copied(run.append(), run.rows())) continue;
            }
            send(run.sql(), run.rows());
        }
        runs.clear();
    }

    private void send(String sql, List<Object[]> rows) {
        if (rows.size() == 1) jdbc.update(sql, rows.get(0));
        else jdbc.batchUpdate(sql, rows);
    }

    private boolean copied(Append target, List<Object[]> rows) {
        return Boolean.TRUE.equals(
                jdbc.execute((ConnectionCallback<Boolean>) connection -> copied(connection, target, rows)));
    }

    /** False when a row was there already: the savepoint then undid the COPY, and the rows are to be inserted. */
    private static boolean copied(Connection connection, Append target, List<Object[]> rows) throws SQLException {
        if (connection.getAutoCommit()) return false; // no transaction to hold a savepoint: plain inserts
        Savepoint before = connection.setSavepoint();
        try {
            connection
                    .unwrap(PGConnection.class)
                    .getCopyAPI()
                    .copyIn(target.copySql(), new ByteArrayInputStream(CopyText.of(rows)));
        } catch (SQLException e) {
            if (!UNIQUE_VIOLATION.equals(e.getSQLState())) throw e;
            connection.rollback(before);
            return false;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        connection.releaseSavepoint(before);
        return true;
    }

    /** Replaces each {@link StoredPosition} of the rows by the event's position in the store, in one query. */
    private void resolvePositions(List<Object[]> rows) {
        Map<String, Long> wanted = new HashMap<>();
        for (Object[] row : rows) {
            for (Object value : row) if (value instanceof StoredPosition position) wanted.put(position.eventId(), null);
        }
        if (wanted.isEmpty()) return;
        String[] ids = wanted.keySet().toArray(String[]::new);
        jdbc.query(
                connection -> {
                    var statement = connection.prepareStatement(
                            "select eventidentifier, globalindex from domainevententry where eventidentifier = any(?)");
                    statement.setArray(1, connection.createArrayOf("varchar", ids));
                    return statement;
                },
                rs -> {
                    wanted.put(rs.getString(1), rs.getLong(2));
                });
        for (Object[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                if (row[i] instanceof StoredPosition position) {
                    Long stored = wanted.get(position.eventId());
                    row[i] = stored != null ? stored : position.fallback();
                }
            }
        }
    }
}
