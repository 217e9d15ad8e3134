package warden.config;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import warden.automod.AutomodSettings;
import warden.common.Actor;
import warden.common.GuildId;
import warden.common.GuildPolicyId;
import warden.common.InvalidValueException;

/** Replaces the guild's automod settings (the whole document). {@code expectedVersion}, when given, must be the current policy version: a stale editor is refused instead of overwriting a newer change. */
public record ConfigureAutomod(
        GuildId guild, AutomodSettings settings, Long expectedVersion, Actor by, Instant occurredAt)
        implements PolicyCommand {

    public ConfigureAutomod {
        if (guild == null || settings == null || by == null || occurredAt == null)
            throw new InvalidValueException("error.field.missing");
        settings.validate();
    }

    @TargetAggregateIdentifier
    public String policyId() {
        return GuildPolicyId.of(guild);
    }
}
