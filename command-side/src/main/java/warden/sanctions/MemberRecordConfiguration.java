package warden.sanctions;

import java.time.Duration;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import warden.platform.CaffeineAggregateCache;

/**
 * How member records are loaded. The 50,000 most recently used stay in memory (an hour at most without use), so
 * that recording an infraction does not read the member's history each time; Axon evicts one whose command failed,
 * and one behind the store (another node changed the record) is dropped as soon as this node reads that event
 * ({@link MemberRecordFreshness}). A record that is not
 * in memory loads from its latest snapshot and the events after it.
 */
@Configuration
class MemberRecordConfiguration {

    @Bean
    CaffeineAggregateCache memberRecordCache() {
        return new CaffeineAggregateCache(MAX_CACHED, Duration.ofHours(1));
    }

    static final long MAX_CACHED = 50_000;

    @Bean
    SnapshotTriggerDefinition memberRecordSnapshots(Snapshotter snapshotter) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, MemberRecord.SNAPSHOT_EVERY);
    }
}
