package warden.federation;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import warden.common.Actor;
import warden.common.GuildId;
import warden.common.InvalidValueException;

/** A partner decides that one entry does not apply in its server. */
public record OverrideEntry(
        @TargetAggregateIdentifier String federationId, String entryId, GuildId guild, Actor by, Instant occurredAt) {

    public OverrideEntry {
        if (federationId == null || entryId == null || guild == null || by == null || occurredAt == null)
            throw new InvalidValueException("error.field.missing");
    }
}
