package warden.reports;

import java.time.Instant;
import org.axonframework.serialization.Revision;
import warden.common.GuildEvent;
import warden.common.GuildId;
import warden.common.UserId;

/** A moderator took a report on. */
@Revision("1")
public record ReportClaimed(GuildId guild, String reportId, UserId moderator, Instant occurredAt)
        implements GuildEvent {}
