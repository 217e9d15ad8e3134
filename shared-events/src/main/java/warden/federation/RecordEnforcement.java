package warden.federation;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import warden.common.Actor;
import warden.common.GuildId;
import warden.common.InvalidValueException;
import warden.common.UserId;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/** What became of an entry in one server; the same outcome twice is recorded once. */
public record RecordEnforcement(@TargetAggregateIdentifier String federationId, String entryId, GuildId guild, EnforcementOutcome outcome, String detail, Instant occurredAt) {

    public RecordEnforcement {
        if (federationId == null || entryId == null || guild == null || outcome == null || occurredAt == null) throw new InvalidValueException("error.field.missing");
    }
}
