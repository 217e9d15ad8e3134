package warden.backup;

import warden.common.AuditFacts;
import org.axonframework.serialization.Revision;
import warden.common.Actor;
import warden.common.GuildEvent;
import warden.common.GuildId;

import java.time.Duration;
import java.time.Instant;

/** Automatic backups now run every {@code every}, or no longer ({@code every} null). */
@Revision("1")
public record BackupScheduleChanged(GuildId guild, Duration every, Actor by, Instant occurredAt) implements GuildEvent {

    @Override
    public AuditFacts audit() {
        return AuditFacts.of(every == null ? null : every.toString(), by, null);
    }
}
