package warden.federation;

import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** How federations are loaded: from their latest snapshot and the events after it. */
@Configuration
class FederationConfiguration {

    @Bean
    SnapshotTriggerDefinition federationSnapshots(Snapshotter snapshotter) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, Federation.SNAPSHOT_EVERY);
    }
}
