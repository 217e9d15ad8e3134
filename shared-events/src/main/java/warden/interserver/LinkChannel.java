package warden.interserver;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import warden.common.Actor;
import warden.common.ChannelId;
import warden.common.GuildId;
import warden.common.InvalidValueException;

/** Links another server's channel to the frequency whose secret was presented. */
public record LinkChannel(
        @TargetAggregateIdentifier FrequencyKey frequency,
        GuildId guild,
        ChannelId channel,
        Actor by,
        Instant occurredAt) {

    public LinkChannel {
        if (frequency == null || guild == null || channel == null || by == null || occurredAt == null)
            throw new InvalidValueException("error.field.missing");
    }
}
