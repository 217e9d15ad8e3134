package warden.backup;

import java.time.Instant;
import java.util.List;
import org.axonframework.serialization.Revision;
import warden.common.Actor;
import warden.common.AuditFacts;
import warden.common.GuildEvent;
import warden.common.GuildId;

/**
 * A restore began, with the plan the admin confirmed; {@code channel} is where its outcome is reported. The node that
 * holds the server's shard carries the plan out, and takes it up again after a restart.
 */
@Revision("1")
public record RestoreStarted(
        GuildId guild,
        String restoreId,
        String backupId,
        String contentHash,
        RestoreOptions options,
        List<RestoreStep> steps,
        String channel,
        Actor by,
        Instant occurredAt)
        implements GuildEvent {

    @Override
    public AuditFacts audit() {
        return AuditFacts.of(restoreId, by, backupId);
    }
}
