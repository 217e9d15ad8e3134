package warden.reports;

import org.axonframework.serialization.Revision;
import warden.common.GuildEvent;
import warden.common.GuildId;
import warden.common.UserId;

import java.time.Instant;

/** A member reported a user (or a message of theirs) to the server's moderators. */
@Revision("1")
public record ReportFiled(GuildId guild, String reportId, UserId reporter, UserId target, String channel, String message, String excerpt,
                          String reason, Instant occurredAt) implements GuildEvent {
}
