package warden.config;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import warden.common.Actor;
import warden.common.GuildId;
import warden.common.GuildPolicyId;
import warden.common.InvalidValueException;

/** The operator marks a guild premium (more rules, immune servers). */
public record SetPremium(GuildId guild, boolean premium, Actor by, Instant occurredAt) implements PolicyCommand {

    public SetPremium {
        if (guild == null || by == null || occurredAt == null) throw new InvalidValueException("error.field.missing");
    }

    @TargetAggregateIdentifier
    public String policyId() {
        return GuildPolicyId.of(guild);
    }
}
