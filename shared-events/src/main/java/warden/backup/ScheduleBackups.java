package warden.backup;

import java.time.Duration;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import warden.common.Actor;
import warden.common.GuildId;
import warden.common.InvalidValueException;

/** Turns automatic backups on (every {@code every}, at least {@code minimum}) or off ({@code every} null). */
public record ScheduleBackups(GuildId guild, Duration every, Duration minimum, Actor by, Instant occurredAt) {

    public ScheduleBackups {
        if (guild == null || by == null || occurredAt == null) throw new InvalidValueException("error.field.missing");
    }

    @TargetAggregateIdentifier
    public String serverBackup() {
        return ServerBackupIds.of(guild);
    }
}
