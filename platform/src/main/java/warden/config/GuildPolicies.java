package warden.config;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import warden.common.GuildId;
import warden.common.GuildPolicyId;
import warden.platform.NodeLocalProcessors;

/**
 * The one place that answers "what is guild G's policy now, at which version": the sanction-rule interceptor, the
 * detection engine, the evaluate endpoint, {@code GET .../policy} and the slash commands all ask here. A guild's
 * policy is folded from its own (short) event stream the first time it is asked for, then kept up to date by the
 * policy events themselves, which a node-local processor reads from the store: changes made on any node arrive
 * without polling and without re-reading the stream per command.
 */
@Component
@ProcessingGroup(GuildPolicies.PROCESSOR)
@DisallowReplay
public class GuildPolicies {

    static final String PROCESSOR = "policy-node";

    private final EventStore eventStore;
    /** Per-key atomicity of the map orders a first fold and a concurrent event of the same guild. */
    private final Map<GuildId, PolicyDocument> known = new ConcurrentHashMap<>();

    public GuildPolicies(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    @Autowired
    void register(EventProcessingConfigurer processing) {
        NodeLocalProcessors.register(processing, PROCESSOR);
    }

    public PolicyDocument current(GuildId guild) {
        return known.computeIfAbsent(guild, this::fold);
    }

    /** The policy if this node has it in memory already: never reads the store (for JDA's threads). */
    public java.util.Optional<PolicyDocument> ifKnown(GuildId guild) {
        return java.util.Optional.ofNullable(known.get(guild));
    }

    /**
     * Waits until this node knows version {@code version} of the guild's policy or a later one: a change answered
     * to an admin is visible to the admin's next request on this node.
     */
    public PolicyDocument awaitVersion(GuildId guild, long version, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        PolicyDocument policy = current(guild);
        while (policy.version() < version && System.nanoTime() < deadline) {
            synchronized (this) {
                try {
                    wait(10);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
            policy = current(guild);
        }
        return policy;
    }

    @QueryHandler
    PolicyDocument handle(FindGuildPolicy query) {
        return current(query.guild());
    }

    @EventHandler
    void on(PolicyEvent event) {
        // A guild nobody asked for yet is folded, this event included, when it is first asked for.
        known.computeIfPresent(event.guild(), (guild, policy) -> {
            if (event.version() <= policy.version()) return policy;
            if (event.version() == policy.version() + 1) return policy.apply(event);
            return fold(guild); // a gap (should not happen): read the stream again
        });
        synchronized (this) {
            notifyAll();
        }
    }

    private PolicyDocument fold(GuildId guild) {
        PolicyDocument policy = PolicyDocument.initial(guild);
        DomainEventStream stream = eventStore.readEvents(GuildPolicyId.of(guild));
        while (stream.hasNext()) {
            DomainEventMessage<?> message = stream.next();
            if (message.getPayload() instanceof PolicyEvent event) policy = policy.apply(event);
        }
        return policy;
    }
}
