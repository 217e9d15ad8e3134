package warden.sanctions;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.modelling.command.AggregateScopeDescriptor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import warden.platform.testing.WardenSpringTest;

/**
 * A sanction's expiry is scheduled and cancelled in the transaction of the event that decides it: a write that fails
 * (a conflict with another node, the database going away) leaves the expiry as it was. Before, the cancellation was
 * saved on a connection of its own, and a lift whose event was never stored could make a temporary ban permanent.
 */
@WardenSpringTest
class ExpiriesInTheEventsTransactionTest {

    static final AggregateScopeDescriptor MEMBER = new AggregateScopeDescriptor("MemberRecord", "1001:777001");

    @Autowired
    DeadlineManager deadlines;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    JdbcClient db;

    private long scheduled() {
        return db.sql("select count(*) from scheduled_tasks where task_data is not null and execution_time > now()")
                .query(Long.class)
                .single();
    }

    @Test
    void scheduleAndCancelCommitOrRollBackWithTheirTransaction() {
        TransactionTemplate tx = new TransactionTemplate(transactions);
        long before = scheduled();
        tx.executeWithoutResult(status -> {
            deadlines.schedule(Instant.now().plus(Duration.ofHours(1)), "test-expiry", null, MEMBER);
            status.setRollbackOnly();
        });
        assertThat(scheduled()).as("scheduled in a transaction rolled back").isEqualTo(before);

        String id = tx.execute(
                status -> deadlines.schedule(Instant.now().plus(Duration.ofHours(1)), "test-expiry", null, MEMBER));
        assertThat(scheduled()).as("scheduled and committed").isEqualTo(before + 1);

        tx.executeWithoutResult(status -> {
            deadlines.cancelSchedule("test-expiry", id);
            status.setRollbackOnly();
        });
        assertThat(scheduled())
                .as("cancelled in a transaction rolled back: still there")
                .isEqualTo(before + 1);

        tx.executeWithoutResult(status -> deadlines.cancelSchedule("test-expiry", id));
        assertThat(scheduled()).as("cancelled and committed").isEqualTo(before);
    }
}
