package warden.sanctions;

import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import warden.platform.CaffeineAggregateCache;
import warden.platform.NodeLocalProcessors;

/**
 * Keeps this node's member records in step with other nodes': every event appended to a member record, by any node,
 * is shown to the cache, which drops a record that does not hold it yet. Scenario it exists for: a note added through
 * the API node and a 30-minute ban decided on the bot node; the ban's end fires on the API node, whose record must
 * know the ban. The window is the time this node takes to read the event (milliseconds); a write from a record still
 * behind fails on its sequence number and is retried on a fresh one.
 */
@Component
@ProcessingGroup(MemberRecordFreshness.PROCESSOR)
@DisallowReplay
class MemberRecordFreshness {

    static final String PROCESSOR = "member-record-node";

    private final CaffeineAggregateCache records;

    MemberRecordFreshness(CaffeineAggregateCache memberRecordCache) {
        this.records = memberRecordCache;
    }

    @Autowired
    void register(EventProcessingConfigurer processing) {
        NodeLocalProcessors.register(processing, PROCESSOR);
    }

    @EventHandler
    void on(Object event, EventMessage<?> message) {
        if (message instanceof DomainEventMessage<?> appended
                && MemberRecord.class.getSimpleName().equals(appended.getType())) {
            records.seen(appended.getAggregateIdentifier(), appended.getSequenceNumber());
        }
    }
}
