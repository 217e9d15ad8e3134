package warden.interserver;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.util.LinkedHashMap;
import java.util.Map;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import warden.common.ChannelId;
import warden.common.CommandRefusedException;
import warden.common.GuildId;

/**
 * An interserver frequency: the channels it links, at most one per server. Its identity is the hash of its secret,
 * so presenting the secret finds it and nothing else does. It closes when its last channel leaves.
 */
@Aggregate
public class Frequency {

    @AggregateIdentifier
    private String id;

    private final Map<ChannelId, GuildId> channels = new LinkedHashMap<>();
    private boolean closed;

    protected Frequency() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.ALWAYS)
    void handle(CreateFrequency cmd) {
        apply(new FrequencyCreated(cmd.frequency(), cmd.guild(), cmd.channel(), cmd.by(), cmd.occurredAt()));
    }

    @CommandHandler
    void handle(LinkChannel cmd) {
        if (closed) throw new CommandRefusedException("error.frequency.closed");
        if (channels.containsKey(cmd.channel())) throw new CommandRefusedException("error.frequency.alreadyLinked");
        if (channels.containsValue(cmd.guild())) throw new CommandRefusedException("error.frequency.sameServer");
        apply(new ChannelLinked(cmd.frequency(), cmd.guild(), cmd.channel(), cmd.by(), cmd.occurredAt()));
    }

    @CommandHandler
    void handle(UnlinkChannel cmd) {
        if (!channels.containsKey(cmd.channel())) throw new CommandRefusedException("error.frequency.notLinked");
        apply(new ChannelUnlinked(
                cmd.frequency(), cmd.guild(), cmd.channel(), cmd.reason(), cmd.by(), cmd.occurredAt()));
        if (channels.isEmpty()) apply(new FrequencyClosed(cmd.frequency(), cmd.guild(), cmd.occurredAt()));
    }

    @EventSourcingHandler
    void on(FrequencyCreated e) {
        id = e.frequency().toString();
        channels.put(e.channel(), e.guild());
    }

    @EventSourcingHandler
    void on(ChannelLinked e) {
        channels.put(e.channel(), e.guild());
    }

    @EventSourcingHandler
    void on(ChannelUnlinked e) {
        channels.remove(e.channel());
    }

    @EventSourcingHandler
    void on(FrequencyClosed e) {
        closed = true;
    }
}
