package warden.backup;

import java.time.Instant;
import org.axonframework.serialization.Revision;
import warden.common.Actor;
import warden.common.AuditFacts;
import warden.common.GuildEvent;
import warden.common.GuildId;

/** A backup was deleted, by a moderator or by the rotation of automatic backups. */
@Revision("1")
public record BackupDeleted(GuildId guild, String backupId, Actor by, Instant occurredAt) implements GuildEvent {

    @Override
    public AuditFacts audit() {
        return AuditFacts.of(backupId, by, null);
    }
}
