package warden.sanctions;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import warden.common.Actor;
import warden.common.MemberKey;
import warden.common.Texts;

/** Takes back a sanction given by mistake: hidden from counts and standings, kept in the audit trail. */
public record RemoveSanction(
        @TargetAggregateIdentifier MemberKey member,
        SanctionId sanctionId,
        Actor by,
        String reason,
        Instant occurredAt) {

    public RemoveSanction {
        Required.of(member, sanctionId, by, occurredAt);
        reason = Texts.reason(reason);
    }
}
