package warden.sanctions;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import warden.common.Actor;
import warden.common.MemberKey;
import warden.common.Texts;

/**
 * Records one infraction; the same {@code infractionId} twice is a no-op (a redelivered gateway event).
 * {@code rules} null means "the guild's current rules": they are attached when the command is dispatched.
 */
public record RecordInfraction(
        @TargetAggregateIdentifier MemberKey member,
        InfractionId infractionId,
        InfractionType type,
        Actor by,
        String reason,
        Evidence evidence,
        Instant occurredAt,
        SanctionRules rules) {

    public RecordInfraction {
        Required.of(member, infractionId, type, by, occurredAt);
        reason = Texts.reason(reason);
        if (evidence == null) evidence = Evidence.none();
    }

    /** The guild's current rules, attached at dispatch when the sender left {@code rules} null. */
    public RecordInfraction withRules(SanctionRules current) {
        return new RecordInfraction(member, infractionId, type, by, reason, evidence, occurredAt, current);
    }
}
