package warden.federation;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import warden.common.Actor;
import warden.common.GuildId;
import warden.common.InvalidValueException;
import warden.common.UserId;

/** A publisher lifts a user's entries across the federation, explicitly: servers unban what only those entries banned. */
public record UnbanEverywhere(
        @TargetAggregateIdentifier String federationId, GuildId guild, UserId user, Actor by, Instant occurredAt) {

    public UnbanEverywhere {
        if (federationId == null || guild == null || user == null || by == null || occurredAt == null)
            throw new InvalidValueException("error.field.missing");
    }
}
