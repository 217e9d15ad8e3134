package warden.sanctions;

import org.axonframework.common.caching.Cache;
import org.axonframework.common.caching.WeakReferenceCache;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * How member records are loaded. Recently used ones stay in memory, so that recording an infraction does not read
 * the member's history each time: entries are weakly held (the JVM reclaims them under pressure) and Axon evicts
 * one whose command failed; a record changed by another node makes the append fail cleanly on its sequence number.
 * A record that is not in memory loads from its latest snapshot and the events after it.
 */
@Configuration
class MemberRecordConfiguration {

    @Bean
    Cache memberRecordCache() {
        return new WeakReferenceCache();
    }

    @Bean
    SnapshotTriggerDefinition memberRecordSnapshots(Snapshotter snapshotter) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, MemberRecord.SNAPSHOT_EVERY);
    }
}
