package warden.backup;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import warden.common.Actor;
import warden.common.GuildId;
import warden.common.InvalidValueException;

/** Deletes one of the server's backups; refused for an unknown one. */
public record DeleteBackup(GuildId guild, String backupId, Actor by, Instant occurredAt) {

    public DeleteBackup {
        if (guild == null || backupId == null || by == null || occurredAt == null)
            throw new InvalidValueException("error.field.missing");
    }

    @TargetAggregateIdentifier
    public String serverBackup() {
        return ServerBackupIds.of(guild);
    }
}
