package warden.sanctions;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import warden.common.Actor;
import warden.common.MemberKey;
import warden.common.Texts;

/** Records one infraction; the same {@code infractionId} twice is a no-op (a redelivered gateway event). */
public record RecordInfraction(@TargetAggregateIdentifier MemberKey member,
                               InfractionId infractionId,
                               InfractionType type,
                               Actor source,
                               String reason,
                               Evidence evidence,
                               Instant occurredAt,
                               SanctionRules rules) {

    public RecordInfraction {
        Required.of(member, infractionId, type, source, occurredAt);
        reason = Texts.reason(reason);
        if (evidence == null) evidence = Evidence.none();
        if (rules == null) rules = SanctionRules.NONE;
    }
}
