package warden.backup;

import warden.common.AuditFacts;
import org.axonframework.serialization.Revision;
import warden.common.Actor;
import warden.common.GuildEvent;
import warden.common.GuildId;

import java.time.Instant;

/** A backup was deleted, by a moderator or by the rotation of automatic backups. */
@Revision("1")
public record BackupDeleted(GuildId guild, String backupId, Actor by, Instant occurredAt) implements GuildEvent {

    @Override
    public AuditFacts audit() {
        return AuditFacts.of(backupId, by, null);
    }
}
