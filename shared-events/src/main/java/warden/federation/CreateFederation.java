package warden.federation;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import warden.common.Actor;
import warden.common.GuildId;
import warden.common.InvalidValueException;

/** A server admin creates a federation; their server is its owner, publisher and subscriber. */
public record CreateFederation(
        @TargetAggregateIdentifier String federationId, String name, GuildId guild, Actor by, Instant occurredAt) {

    public CreateFederation {
        if (federationId == null
                || name == null
                || name.isBlank()
                || name.length() > 100
                || guild == null
                || by == null
                || occurredAt == null) throw new InvalidValueException("error.field.missing");
    }
}
