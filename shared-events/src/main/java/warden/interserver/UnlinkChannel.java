package warden.interserver;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import warden.common.Actor;
import warden.common.ChannelId;
import warden.common.GuildId;
import warden.common.InvalidValueException;

/** Removes a channel from its frequency. */
public record UnlinkChannel(
        @TargetAggregateIdentifier FrequencyKey frequency,
        GuildId guild,
        ChannelId channel,
        UnlinkReason reason,
        Actor by,
        Instant occurredAt) {

    public UnlinkChannel {
        if (frequency == null || guild == null || channel == null || reason == null || by == null || occurredAt == null)
            throw new InvalidValueException("error.field.missing");
    }
}
