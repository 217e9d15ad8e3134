package warden.projection;

import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
 */
@Component
public class ProjectionWrites {

    private static final String PENDING = ProjectionWrites.class.getName() + ".pending";
    private static final Pattern TARGET = Pattern.compile("^\\s*(?:insert\\s+into|update|delete\\s+from)\\s+([a-z_][a-z0-9_]*)",
            Pattern.CASE_INSENSITIVE);

    /** A statement and the rows sent with it in one JDBC batch; {@code table} null when unknown (it then orders against all). */
    record Run(String sql, String table, List<Object[]> rows) {

        boolean orderedAgainst(String other) {
            return table == null || other == null || table.equals(other);
        }
    }

    private final JdbcTemplate jdbc;

    public ProjectionWrites(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void write(String sql, Object... args) {
        if (!CurrentUnitOfWork.isStarted()) {
            jdbc.update(sql, args);
            return;
        }
        UnitOfWork<?> current = CurrentUnitOfWork.get();
        UnitOfWork<?> batch = current.root();
        List<Run> pending = batch.getOrComputeResource(PENDING, key -> {
            if (current.getMessage() instanceof TrackedEventMessage) jdbc.execute("set local synchronous_commit to off");
            List<Run> runs = new ArrayList<>();
            batch.onPrepareCommit(unitOfWork -> flush(runs));
            return runs;
        });
        add(pending, sql, args);
    }

    static void add(List<Run> runs, String sql, Object[] args) {
        String table = table(sql);
        for (int i = runs.size() - 1; i >= 0; i--) {
            Run run = runs.get(i);
            if (run.sql().equals(sql)) {
                run.rows().add(args);
                return;
            }
            if (run.orderedAgainst(table)) break;
        }
        List<Object[]> rows = new ArrayList<>();
        rows.add(args);
        runs.add(new Run(sql, table, rows));
    }

    static String table(String sql) {
        Matcher target = TARGET.matcher(sql);
        return target.find() ? target.group(1).toLowerCase(Locale.ROOT) : null;
    }

    private void flush(List<Run> runs) {
        for (Run run : runs) {
            if (run.rows().size() == 1) jdbc.update(run.sql(), run.rows().get(0));
            else jdbc.batchUpdate(run.sql(), run.rows());
        }
        runs.clear();
    }
}
