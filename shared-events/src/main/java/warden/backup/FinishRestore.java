package warden.backup;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import warden.common.GuildId;
import warden.common.InvalidValueException;

/** Every step of the restore has an outcome. */
public record FinishRestore(GuildId guild, String restoreId, Instant occurredAt) {

    public FinishRestore {
        if (guild == null || restoreId == null || occurredAt == null)
            throw new InvalidValueException("error.field.missing");
    }

    @TargetAggregateIdentifier
    public String serverBackup() {
        return ServerBackupIds.of(guild);
    }
}
