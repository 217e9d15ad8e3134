package warden.backup;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import warden.common.Actor;
import warden.common.GuildId;
import warden.common.InvalidValueException;

/**
 * Records a backup whose snapshot is already stored under {@code contentHash}. {@code limit} is how many backups the
 * server may keep (premium keeps more): a manual backup beyond it is refused, an automatic one replaces the oldest
 * automatic backup, and an automatic backup of an unchanged server is not taken again.
 */
public record TakeBackup(
        GuildId guild,
        String backupId,
        String label,
        String contentHash,
        int sizeBytes,
        int roles,
        int channels,
        int members,
        boolean automatic,
        int limit,
        Actor by,
        Instant occurredAt) {

    public TakeBackup {
        if (guild == null || backupId == null || contentHash == null || by == null || occurredAt == null) {
            throw new InvalidValueException("error.field.missing");
        }
    }

    @TargetAggregateIdentifier
    public String serverBackup() {
        return ServerBackupIds.of(guild);
    }
}
