package warden.reports;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import warden.common.GuildId;
import warden.common.InvalidValueException;
import warden.common.UserId;

/**
 * A member reports a user or one of their messages ({@code channel}, {@code message} and an {@code excerpt} of it) to
 * the server's moderators.
 */
public record FileReport(
        @TargetAggregateIdentifier String reportId,
        GuildId guild,
        UserId reporter,
        UserId target,
        String channel,
        String message,
        String excerpt,
        String reason,
        Instant occurredAt) {

    public static final int MAX_REASON = 500;
    public static final int MAX_EXCERPT = 300;

    public FileReport {
        if (reportId == null || guild == null || reporter == null || target == null || occurredAt == null) {
            throw new InvalidValueException("error.field.missing");
        }
        if (reason == null || reason.isBlank() || reason.length() > MAX_REASON)
            throw InvalidValueException.forField("reason", "error.report.reason", MAX_REASON);
        if (reporter.equals(target)) throw new InvalidValueException("error.report.self");
        if (excerpt != null && excerpt.length() > MAX_EXCERPT) excerpt = excerpt.substring(0, MAX_EXCERPT);
    }
}
