package warden.sanctions;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import warden.common.Actor;
import warden.common.MemberKey;
import warden.common.Texts;

/** Ends an active timeout or ban before its time. */
public record LiftSanction(
        @TargetAggregateIdentifier MemberKey member,
        SanctionId sanctionId,
        Actor by,
        String reason,
        Instant occurredAt) {

    public LiftSanction {
        Required.of(member, sanctionId, by, occurredAt);
        reason = Texts.reason(reason);
    }
}
