package warden.config;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import warden.common.Actor;
import warden.common.GuildId;
import warden.common.GuildPolicyId;
import warden.common.InvalidValueException;
import warden.sanctions.RuleId;

/** Turns a rule on or off without losing it. */
public record SetSanctionRuleEnabled(GuildId guild, RuleId rule, boolean enabled, Actor by, Instant occurredAt)
        implements PolicyCommand {

    public SetSanctionRuleEnabled {
        if (guild == null || rule == null || by == null || occurredAt == null)
            throw new InvalidValueException("error.field.missing");
    }

    @TargetAggregateIdentifier
    public String policyId() {
        return GuildPolicyId.of(guild);
    }
}
