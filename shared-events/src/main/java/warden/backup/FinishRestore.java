package warden.backup;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import warden.common.GuildId;
import warden.common.InvalidValueException;

import java.time.Instant;

/** Every step of the restore has an outcome. */
public record FinishRestore(GuildId guild, String restoreId, Instant occurredAt) {

    public FinishRestore {
        if (guild == null || restoreId == null || occurredAt == null) throw new InvalidValueException("error.field.missing");
    }

    @TargetAggregateIdentifier
    public String serverBackup() {
        return ServerBackupIds.of(guild);
    }
}
