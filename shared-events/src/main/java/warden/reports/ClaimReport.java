package warden.reports;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import warden.common.GuildId;
import warden.common.InvalidValueException;
import warden.common.UserId;

/** A moderator takes a report on; refused when another has it or it is closed. */
public record ClaimReport(
        @TargetAggregateIdentifier String reportId, GuildId guild, UserId moderator, Instant occurredAt) {

    public ClaimReport {
        if (reportId == null || guild == null || moderator == null || occurredAt == null)
            throw new InvalidValueException("error.field.missing");
    }
}
