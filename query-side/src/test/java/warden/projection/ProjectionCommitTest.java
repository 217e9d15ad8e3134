package warden.projection;

import static org.assertj.core.api.Assertions.assertThat;

import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.GenericTrackedEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import warden.platform.testing.WardenSpringTest;

/**
 * Which transactions commit without waiting for the WAL flush: a streaming processor's batch of read-model writes
 * does; anything else that writes through {@link ProjectionWrites} in a unit of work (a subscribing processor runs in
 * the command's own transaction) keeps the database's durable commit.
 */
@WardenSpringTest
class ProjectionCommitTest {

    private static final String WRITE = "update audit_event set reason = ? where event_id = ?";

    @Autowired
    ProjectionWrites writes;

    @Autowired
    TransactionManager transactions;

    @Autowired
    JdbcClient db;

    @Test
    void aStreamingProcessorsBatchCommitsAsynchronously() {
        EventMessage<String> event = new GenericEventMessage<>("read model");
        assertThat(commitModeAfterAWrite(new GenericTrackedEventMessage<>(new GlobalSequenceTrackingToken(7), event)))
                .isEqualTo("off");
    }

    @Test
    void aWriteInsideAnotherUnitOfWorkLeavesTheCommitDurable() {
        assertThat(commitModeAfterAWrite(new GenericEventMessage<>("a command's event")))
                .isEqualTo("on");
    }

    /** The transaction starts durable on purpose (the tests' database is not): only the write can turn it off. */
    private String commitModeAfterAWrite(EventMessage<?> message) {
        UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(message);
        unitOfWork.attachTransaction(transactions);
        try {
            db.sql("set local synchronous_commit to on").update();
            writes.write("audit_event", WRITE, "never written", "no-such-event");
            return db.sql("select current_setting('synchronous_commit')")
                    .query(String.class)
                    .single();
        } finally {
            unitOfWork.rollback(); // nothing is kept: the deferred write is only sent at commit
        }
    }
}
