package warden.sanctions;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import warden.common.Actor;
import warden.common.MemberKey;
import warden.common.Texts;

/** Pardons an infraction: it stays in the history, marked, and no longer counts towards sanction rules. */
public record PardonInfraction(
        @TargetAggregateIdentifier MemberKey member,
        InfractionId infractionId,
        Actor by,
        String reason,
        Instant occurredAt) {

    public PardonInfraction {
        Required.of(member, infractionId, by, occurredAt);
        reason = Texts.reason(reason);
    }
}
