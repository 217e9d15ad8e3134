package warden.deadletters;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Parked side effects in the health endpoint: how many, and the oldest few with their errors. Warden stays UP (the
 * rest of the server's moderation runs), the details say what waits; {@code /api/v1/admin/dead-letters} has them all.
 */
@Component
class DeadLetterHealth implements HealthIndicator {

    private final DeadLetterStore letters;

    DeadLetterHealth(DeadLetterStore letters) {
        this.letters = letters;
    }

    @Override
    public Health health() {
        return Health.up()
                .withDetail("parked", letters.count())
                .withDetail("oldest", letters.oldest(5))
                .build();
    }
}
