package warden.reports;

import java.time.Instant;
import org.axonframework.serialization.Revision;
import warden.common.GuildEvent;
import warden.common.GuildId;
import warden.common.UserId;

/** A report was resolved (action taken) or dismissed; the reporter is told which. */
@Revision("1")
public record ReportClosed(
        GuildId guild, String reportId, UserId moderator, boolean resolved, String note, Instant occurredAt)
        implements GuildEvent {}
