package warden.interserver;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import warden.common.Actor;
import warden.common.ChannelId;
import warden.common.GuildId;
import warden.common.InvalidValueException;

/** Creates a frequency with its first channel; the key is the hash of the secret sent to the creator. */
public record CreateFrequency(
        @TargetAggregateIdentifier FrequencyKey frequency,
        GuildId guild,
        ChannelId channel,
        Actor by,
        Instant occurredAt) {

    public CreateFrequency {
        if (frequency == null || guild == null || channel == null || by == null || occurredAt == null)
            throw new InvalidValueException("error.field.missing");
    }
}
