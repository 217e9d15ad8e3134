package warden.config;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import warden.common.Actor;
import warden.common.GuildId;
import warden.common.GuildPolicyId;
import warden.common.InvalidValueException;
import warden.sanctions.RuleId;

/** Removes a rule. */
public record RemoveSanctionRule(GuildId guild, RuleId rule, Actor by, Instant occurredAt) implements PolicyCommand {

    public RemoveSanctionRule {
        if (guild == null || rule == null || by == null || occurredAt == null)
            throw new InvalidValueException("error.field.missing");
    }

    @TargetAggregateIdentifier
    public String policyId() {
        return GuildPolicyId.of(guild);
    }
}
