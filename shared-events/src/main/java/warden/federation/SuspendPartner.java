package warden.federation;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import warden.common.Actor;
import warden.common.GuildId;
import warden.common.InvalidValueException;

/** The owner suspends a partner (a compromised publisher); {@code revert} revokes every entry it alone published, and servers unban what only those entries banned. */
public record SuspendPartner(
        @TargetAggregateIdentifier String federationId,
        GuildId guild,
        GuildId partner,
        boolean revert,
        Actor by,
        Instant occurredAt) {

    public SuspendPartner {
        if (federationId == null || guild == null || partner == null || by == null || occurredAt == null)
            throw new InvalidValueException("error.field.missing");
    }
}
