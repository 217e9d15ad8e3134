package warden.backup;

import java.time.Instant;
import org.axonframework.serialization.Revision;
import warden.common.Actor;
import warden.common.AuditFacts;
import warden.common.GuildEvent;
import warden.common.GuildId;

/** A backup of the server's structure was taken; its snapshot is stored once per content hash. */
@Revision("1")
public record BackupTaken(
        GuildId guild,
        String backupId,
        String label,
        String contentHash,
        int sizeBytes,
        int roles,
        int channels,
        int members,
        boolean automatic,
        Actor by,
        Instant occurredAt)
        implements GuildEvent {

    @Override
    public AuditFacts audit() {
        return AuditFacts.of(backupId, by, label);
    }
}
