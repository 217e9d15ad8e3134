package warden.federation;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import warden.common.Actor;
import warden.common.GuildId;
import warden.common.InvalidValueException;

/** How a subscribing server applies the list: automatically, by alerting its moderators, or after their approval. */
public record ChangeSubscription(
        @TargetAggregateIdentifier String federationId,
        GuildId guild,
        EnforcementMode mode,
        String alertChannel,
        Actor by,
        Instant occurredAt) {

    public ChangeSubscription {
        if (federationId == null || guild == null || mode == null || by == null || occurredAt == null)
            throw new InvalidValueException("error.field.missing");
    }
}
