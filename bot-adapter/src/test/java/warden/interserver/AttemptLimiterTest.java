package warden.interserver;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import warden.platform.testing.WardenSpringTest;

/**
 * Wrong frequencies are counted in PostgreSQL: two limiters on one database (two nodes, or one node before and
 * after a restart) share the counts.
 */
@WardenSpringTest
class AttemptLimiterTest {

    @Autowired
    JdbcClient db;

    @Test
    void failuresOnOneNodeBlockTheMemberOnAnother() {
        AttemptLimiter first = new AttemptLimiter(db);
        AttemptLimiter second = new AttemptLimiter(db);
        for (int i = 0; i < AttemptLimiter.PER_USER - 1; i++) first.failed(10, 77);
        assertThat(second.blocked(10, 77)).isFalse();
        first.failed(10, 77);
        assertThat(second.blocked(10, 77)).isTrue();
        assertThat(second.blocked(10, 78)).as("another member of the server").isFalse();
    }

    @Test
    void aServerIsBlockedAfterItsOwnLimitWhateverTheMembers() {
        AttemptLimiter node = new AttemptLimiter(db);
        for (int i = 0; i < AttemptLimiter.PER_GUILD; i++) node.failed(20, 1000 + i);
        assertThat(new AttemptLimiter(db).blocked(20, 5000)).isTrue();
    }

    @Test
    void aWindowThatHasPassedCountsAgainFromOne() {
        AttemptLimiter node = new AttemptLimiter(db);
        for (int i = 0; i < AttemptLimiter.PER_USER; i++) node.failed(30, 88);
        db.sql("update interserver_attempt set window_start = now() - interval '16 minutes' where attempt_key = 'u:88'")
                .update();
        assertThat(node.blocked(30, 88)).isFalse();
        node.failed(30, 88);
        assertThat(db.sql("select failures from interserver_attempt where attempt_key = 'u:88'")
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
    }
}
