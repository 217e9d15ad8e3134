package warden.projection;

import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;

/**
 * The writes of the projections, gathered over the processor's batch of events and sent at its commit as JDBC
 * batches (one round trip per run of the same statement), in the order the handlers made them. Projections only
 * write (they never read their own tables while handling), so nothing needs to see a write before the commit.
 * A write that fails fails the batch, which the processor retries: an event is never skipped silently.
 */
@Component
public class ProjectionWrites {

    private static final String PENDING = ProjectionWrites.class.getName() + ".pending";

    private record Write(String sql, Object[] args) {
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
        UnitOfWork<?> batch = CurrentUnitOfWork.get().root();
        List<Write> pending = batch.getOrComputeResource(PENDING, key -> {
            List<Write> writes = new ArrayList<>();
            batch.onPrepareCommit(unitOfWork -> flush(writes));
            return writes;
        });
        pending.add(new Write(sql, args));
    }

    private void flush(List<Write> writes) {
        int from = 0;
        while (from < writes.size()) {
            String sql = writes.get(from).sql();
            int to = from;
            List<Object[]> args = new ArrayList<>();
            while (to < writes.size() && writes.get(to).sql().equals(sql)) args.add(writes.get(to++).args());
            if (args.size() == 1) jdbc.update(sql, args.get(0));
            else jdbc.batchUpdate(sql, args);
            from = to;
        }
        writes.clear();
    }
}
