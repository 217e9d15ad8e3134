package warden.config;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import warden.common.Actor;
import warden.common.GuildId;
import warden.common.GuildPolicyId;
import warden.common.InvalidValueException;
import warden.sanctions.SanctionRule;

/** Adds an automatic sanction rule (at most 10, 50 for premium guilds). */
public record AddSanctionRule(GuildId guild, SanctionRule rule, Actor by, Instant occurredAt) implements PolicyCommand {

    public AddSanctionRule {
        if (guild == null || rule == null || by == null || occurredAt == null)
            throw new InvalidValueException("error.field.missing");
        rule.validate();
    }

    @TargetAggregateIdentifier
    public String policyId() {
        return GuildPolicyId.of(guild);
    }
}
