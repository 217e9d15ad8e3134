package warden.federation;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import warden.common.GuildId;
import warden.common.InvalidValueException;

/** What became of an entry in one server; the same outcome twice is recorded once. */
public record RecordEnforcement(
        @TargetAggregateIdentifier String federationId,
        String entryId,
        GuildId guild,
        EnforcementOutcome outcome,
        String detail,
        Instant occurredAt) {

    public RecordEnforcement {
        if (federationId == null || entryId == null || guild == null || outcome == null || occurredAt == null)
            throw new InvalidValueException("error.field.missing");
    }
}
