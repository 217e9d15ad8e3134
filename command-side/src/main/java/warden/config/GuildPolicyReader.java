package warden.config;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;
import warden.common.GuildId;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reads a guild's current policy from its own event stream: each call reads only the events appended since the
 * previous one (one indexed query, usually empty), so every node sees every change, without a cache to invalidate.
 */
@Component
public class GuildPolicyReader {

    private final EventStore eventStore;
    private final Map<GuildId, Folded> folded = new ConcurrentHashMap<>();

    public GuildPolicyReader(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    private record Folded(PolicyDocument policy, long lastSequence) {
    }

    public PolicyDocument current(GuildId guild) {
        Folded known = folded.getOrDefault(guild, new Folded(PolicyDocument.initial(guild), -1));
        DomainEventStream stream = eventStore.readEvents(GuildPolicyId.of(guild), known.lastSequence() + 1);
        PolicyDocument policy = known.policy();
        long last = known.lastSequence();
        while (stream.hasNext()) {
            DomainEventMessage<?> message = stream.next();
            if (message.getPayload() instanceof PolicyEvent event) policy = policy.apply(event);
            last = message.getSequenceNumber();
        }
        if (last != known.lastSequence()) {
            Folded next = new Folded(policy, last);
            folded.merge(guild, next, (a, b) -> a.lastSequence() >= b.lastSequence() ? a : b);
        }
        return policy;
    }
}
