package warden.reports;

import org.axonframework.serialization.Revision;
import warden.common.GuildEvent;
import warden.common.GuildId;
import warden.common.UserId;

import java.time.Instant;

/** A moderator took a report on. */
@Revision("1")
public record ReportClaimed(GuildId guild, String reportId, UserId moderator, Instant occurredAt) implements GuildEvent {
}
