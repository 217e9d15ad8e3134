package warden.backup;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import warden.common.Actor;
import warden.common.GuildId;
import warden.common.InvalidValueException;

/**
 * Asks for a backup from outside Discord (the API): refused at once when the server is at its {@code limit}; the node
 * holding the server's shard takes it, under {@code backupId}.
 */
public record RequestBackup(GuildId guild, String backupId, String label, int limit, Actor by, Instant occurredAt) {

    public static final int MAX_LABEL = 100;

    public RequestBackup {
        if (guild == null || backupId == null || by == null || occurredAt == null)
            throw new InvalidValueException("error.field.missing");
        if (label != null && label.length() > MAX_LABEL)
            throw InvalidValueException.forField("label", "error.backup.label", MAX_LABEL);
    }

    @TargetAggregateIdentifier
    public String serverBackup() {
        return ServerBackupIds.of(guild);
    }
}
