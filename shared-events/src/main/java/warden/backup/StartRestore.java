package warden.backup;

import java.time.Instant;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import warden.common.Actor;
import warden.common.GuildId;
import warden.common.InvalidValueException;

/** An admin confirmed a restore plan: the steps are recorded as the plan, then carried out one by one. */
public record StartRestore(
        GuildId guild,
        String restoreId,
        String backupId,
        RestoreOptions options,
        List<RestoreStep> steps,
        String channel,
        Actor by,
        Instant occurredAt) {

    public StartRestore {
        if (guild == null
                || restoreId == null
                || backupId == null
                || options == null
                || by == null
                || occurredAt == null) {
            throw new InvalidValueException("error.field.missing");
        }
        steps = steps == null ? List.of() : List.copyOf(steps);
    }

    @TargetAggregateIdentifier
    public String serverBackup() {
        return ServerBackupIds.of(guild);
    }
}
