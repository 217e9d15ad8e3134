package warden.backup;

import java.time.Instant;
import org.axonframework.serialization.Revision;
import warden.common.Actor;
import warden.common.AuditFacts;
import warden.common.GuildEvent;
import warden.common.GuildId;

/** A backup was asked for outside Discord; the node holding the server's shard takes it under {@code backupId}. */
@Revision("1")
public record BackupRequested(GuildId guild, String backupId, String label, Actor by, Instant occurredAt)
        implements GuildEvent {

    @Override
    public AuditFacts audit() {
        return AuditFacts.of(backupId, by, label);
    }
}
