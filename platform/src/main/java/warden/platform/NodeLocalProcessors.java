package warden.platform;

import org.axonframework.config.Configuration;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.eventhandling.tokenstore.inmemory.InMemoryTokenStore;
import org.axonframework.messaging.StreamableMessageSource;

/**
 * Processors that keep one node's in-memory state in step with the event store (the current policies, the
 * interserver link directory): every node runs its own, reads every event from the store (its own and other
 * nodes'), and starts at the head of the store when the node starts, because the state they feed loads what
 * came before by itself. Their token lives in memory only, so they never compete with other nodes for a claim,
 * and they are never reset by a replay (their handlers are {@code @DisallowReplay}).
 */
public final class NodeLocalProcessors {

    private NodeLocalProcessors() {}

    public static void register(EventProcessingConfigurer processing, String name) {
        processing
                .registerTrackingEventProcessor(
                        name,
                        Configuration::eventStore,
                        config -> TrackingEventProcessorConfiguration.forSingleThreadedProcessing()
                                .andBatchSize(100)
                                .andInitialTrackingToken(StreamableMessageSource::createHeadToken))
                .registerTokenStore(name, config -> new InMemoryTokenStore());
    }
}
