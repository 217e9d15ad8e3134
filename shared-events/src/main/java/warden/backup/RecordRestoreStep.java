package warden.backup;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import warden.common.GuildId;
import warden.common.InvalidValueException;

/** The outcome of one step; a second outcome for the same step is ignored. */
public record RecordRestoreStep(
        GuildId guild,
        String restoreId,
        int index,
        StepOutcome outcome,
        String createdId,
        String detail,
        Instant occurredAt) {

    public RecordRestoreStep {
        if (guild == null || restoreId == null || outcome == null || occurredAt == null)
            throw new InvalidValueException("error.field.missing");
    }

    @TargetAggregateIdentifier
    public String serverBackup() {
        return ServerBackupIds.of(guild);
    }
}
