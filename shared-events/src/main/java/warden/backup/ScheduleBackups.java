package warden.backup;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import warden.common.Actor;
import warden.common.GuildId;
import warden.common.InvalidValueException;

import java.time.Duration;
import java.time.Instant;

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
