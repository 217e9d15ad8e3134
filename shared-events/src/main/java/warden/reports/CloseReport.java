package warden.reports;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import warden.common.GuildId;
import warden.common.InvalidValueException;
import warden.common.UserId;

/**
 * A moderator resolves ({@code resolved}) or dismisses a report; refused when it is closed or another moderator has
 * it. Answered with the reporter, to tell them.
 */
public record CloseReport(
        @TargetAggregateIdentifier String reportId,
        GuildId guild,
        UserId moderator,
        boolean resolved,
        String note,
        Instant occurredAt) {

    public CloseReport {
        if (reportId == null || guild == null || moderator == null || occurredAt == null)
            throw new InvalidValueException("error.field.missing");
    }
}
