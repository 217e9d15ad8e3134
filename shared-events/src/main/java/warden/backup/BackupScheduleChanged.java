package warden.backup;

import java.time.Duration;
import java.time.Instant;
import org.axonframework.serialization.Revision;
import warden.common.Actor;
import warden.common.AuditFacts;
import warden.common.GuildEvent;
import warden.common.GuildId;

/** Automatic backups now run every {@code every}, or no longer ({@code every} null). */
@Revision("1")
public record BackupScheduleChanged(GuildId guild, Duration every, Actor by, Instant occurredAt) implements GuildEvent {

    @Override
    public AuditFacts audit() {
        return AuditFacts.of(every == null ? null : every.toString(), by, null);
    }
}
