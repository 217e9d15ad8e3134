package warden.federation;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import warden.common.GuildId;
import warden.common.InvalidValueException;

/** A partner under a raid warns the others ({@code joins}: the accounts that revealed it). */
public record ShareRaidAlert(
        @TargetAggregateIdentifier String federationId,
        GuildId guild,
        String raidId,
        int joins,
        boolean detected,
        Instant occurredAt) {

    public ShareRaidAlert {
        if (federationId == null || guild == null || raidId == null || occurredAt == null)
            throw new InvalidValueException("error.field.missing");
    }
}
