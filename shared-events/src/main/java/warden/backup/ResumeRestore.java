package warden.backup;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import warden.common.GuildId;
import warden.common.InvalidValueException;

/**
 * The node that carries a restore out (again, after a restart) asks where it stands; answered with a
 * {@link RestoreProgress}, and recorded when steps were already done (the restore is resumed).
 */
public record ResumeRestore(GuildId guild, String restoreId, Instant occurredAt) {

    public ResumeRestore {
        if (guild == null || restoreId == null || occurredAt == null)
            throw new InvalidValueException("error.field.missing");
    }

    @TargetAggregateIdentifier
    public String serverBackup() {
        return ServerBackupIds.of(guild);
    }
}
