package warden.federation;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import warden.common.Actor;
import warden.common.GuildId;
import warden.common.InvalidValueException;

/** A partner leaves (the owner cannot: it would leave the federation ownerless). */
public record LeaveFederation(
        @TargetAggregateIdentifier String federationId, GuildId guild, Actor by, Instant occurredAt) {

    public LeaveFederation {
        if (federationId == null || guild == null || by == null || occurredAt == null)
            throw new InvalidValueException("error.field.missing");
    }
}
