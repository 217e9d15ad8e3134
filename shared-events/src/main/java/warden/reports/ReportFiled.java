package warden.reports;

import java.time.Instant;
import org.axonframework.serialization.Revision;
import warden.common.GuildEvent;
import warden.common.GuildId;
import warden.common.UserId;

/** A member reported a user (or a message of theirs) to the server's moderators. */
@Revision("1")
public record ReportFiled(
        GuildId guild,
        String reportId,
        UserId reporter,
        UserId target,
        String channel,
        String message,
        String excerpt,
        String reason,
        Instant occurredAt)
        implements GuildEvent {}
