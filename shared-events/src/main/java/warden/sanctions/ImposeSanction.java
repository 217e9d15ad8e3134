package warden.sanctions;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import warden.common.Actor;
import warden.common.MemberKey;
import warden.common.Texts;

/** A moderator's manual action: warn, timeout, kick, ban (optionally temporary) or unban. */
public record ImposeSanction(
        @TargetAggregateIdentifier MemberKey member,
        SanctionId sanctionId,
        SanctionSpec sanction,
        Actor by,
        String reason,
        Instant occurredAt,
        SanctionRules rules) {

    public ImposeSanction {
        Required.of(member, sanctionId, sanction, by, occurredAt);
        sanction.validate();
        reason = Texts.reason(reason);
    }

    /** The guild's current rules, attached at dispatch when the sender left {@code rules} null. */
    public ImposeSanction withRules(SanctionRules current) {
        return new ImposeSanction(member, sanctionId, sanction, by, reason, occurredAt, current);
    }
}
