package warden;

import static org.assertj.core.api.Assertions.assertThat;

import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.dbscheduler.DbSchedulerDeadlineManager;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import warden.platform.testing.WardenSpringTest;

/** The fixes Axon 4.13 needs on Spring Boot 4 are in place: JDBC storage, Spring transactions, BYTEA, no JPA. */
@WardenSpringTest
class AxonWiringTest {

    @Autowired
    TransactionManager transactionManager;

    @Autowired
    EventStorageEngine storageEngine;

    @Autowired
    TokenStore tokenStore;

    @Autowired
    DeadlineManager deadlineManager;

    @Autowired
    JdbcClient db;

    @Test
    void axonUsesSpringTransactionsAndTheJdbcEngine() {
        assertThat(transactionManager).isInstanceOf(SpringTransactionManager.class);
        assertThat(storageEngine).isInstanceOf(JdbcEventStorageEngine.class);
        assertThat(tokenStore).isInstanceOf(JdbcTokenStore.class);
        assertThat(deadlineManager).isInstanceOf(DbSchedulerDeadlineManager.class);
    }

    @Test
    void payloadsAreByteaAndThereIsNoJpa() {
        String type = db.sql("""
                        select data_type from information_schema.columns
                        where table_name = 'domainevententry' and column_name = 'payload'""").query(String.class).single();
        assertThat(type).isEqualTo("bytea");
        assertThat(classPresent("jakarta.persistence.EntityManager")).isFalse();
    }

    private static boolean classPresent(String name) {
        try {
            Class.forName(name);
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }
}
