package warden.federation;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import warden.common.Actor;
import warden.common.GuildId;
import warden.common.InvalidValueException;

/** A partner lets the federation's moderation team act in its server, or stops it. */
public record ChangeTeamAccess(
        @TargetAggregateIdentifier String federationId, GuildId guild, boolean allowed, Actor by, Instant occurredAt) {

    public ChangeTeamAccess {
        if (federationId == null || guild == null || by == null || occurredAt == null)
            throw new InvalidValueException("error.field.missing");
    }
}
