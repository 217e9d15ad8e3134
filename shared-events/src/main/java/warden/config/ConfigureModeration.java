package warden.config;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import warden.common.Actor;
import warden.common.GuildId;
import warden.common.GuildPolicyId;
import warden.common.InvalidValueException;

/** Replaces the guild's moderation settings; {@code expectedVersion}, when given, must be the current policy version. */
public record ConfigureModeration(
        GuildId guild, ModerationSettings settings, Long expectedVersion, Actor by, Instant occurredAt)
        implements PolicyCommand {

    public ConfigureModeration {
        if (guild == null || settings == null || by == null || occurredAt == null)
            throw new InvalidValueException("error.field.missing");
        settings.validate();
    }

    @TargetAggregateIdentifier
    public String policyId() {
        return GuildPolicyId.of(guild);
    }
}
