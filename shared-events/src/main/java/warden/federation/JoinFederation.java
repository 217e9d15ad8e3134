package warden.federation;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import warden.common.Actor;
import warden.common.GuildId;
import warden.common.InvalidValueException;

/** A server joins with an invitation code (its hash): refused if unknown, used or expired. */
public record JoinFederation(
        @TargetAggregateIdentifier String federationId, GuildId guild, String codeHash, Actor by, Instant occurredAt) {

    public JoinFederation {
        if (federationId == null || guild == null || codeHash == null || by == null || occurredAt == null)
            throw new InvalidValueException("error.field.missing");
    }
}
