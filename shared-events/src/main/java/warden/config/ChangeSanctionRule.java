package warden.config;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import warden.common.Actor;
import warden.common.GuildId;
import warden.common.GuildPolicyId;
import warden.common.InvalidValueException;
import warden.sanctions.SanctionRule;

/** Replaces a rule, keeping its id. */
public record ChangeSanctionRule(GuildId guild, SanctionRule rule, Actor by, Instant occurredAt)
        implements PolicyCommand {

    public ChangeSanctionRule {
        if (guild == null || rule == null || by == null || occurredAt == null)
            throw new InvalidValueException("error.field.missing");
        rule.validate();
    }

    @TargetAggregateIdentifier
    public String policyId() {
        return GuildPolicyId.of(guild);
    }
}
