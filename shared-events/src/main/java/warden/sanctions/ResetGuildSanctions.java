package warden.sanctions;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import warden.common.Actor;
import warden.common.GuildId;
import warden.common.GuildPolicyId;
import warden.common.Texts;

/** Removes every sanction of a whole server decided up to now, as one recorded action (then member by member). */
public record ResetGuildSanctions(GuildId guild, String resetId, Actor by, String reason, Instant occurredAt) {

    public ResetGuildSanctions {
        Required.of(guild, resetId, by, occurredAt);
        reason = Texts.reason(reason);
    }

    @TargetAggregateIdentifier
    public String policyId() {
        return GuildPolicyId.of(guild);
    }
}
