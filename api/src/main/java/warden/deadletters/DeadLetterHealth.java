package warden.deadletters;

import java.util.List;
import java.util.Map;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Parked side effects in the health endpoint: how many, and the oldest few with their errors. Warden stays UP (the
 * rest of the server's moderation runs), the details say what waits; {@code /api/v1/admin/dead-letters} has them all.
 */
@Component
class DeadLetterHealth implements HealthIndicator {

    private final JdbcClient db;

    DeadLetterHealth(JdbcClient db) {
        this.db = db;
    }

    @Override
    public Health health() {
        long parked =
                db.sql("select count(*) from deadletterentry").query(Long.class).single();
        List<Map<String, Object>> oldest = db.sql("""
                        select processinggroup as processor, sequenceidentifier as sequence, enqueuedat as since,
                               causemessage as error
                        from deadletterentry where sequenceindex = (select min(sequenceindex) from deadletterentry d
                            where d.processinggroup = deadletterentry.processinggroup
                              and d.sequenceidentifier = deadletterentry.sequenceidentifier)
                        order by enqueuedat limit 5""").query().listOfRows();
        return Health.up()
                .withDetail("parked", parked)
                .withDetail("oldest", oldest)
                .build();
    }
}
