package warden.sanctions;

import java.time.Duration;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import warden.common.Actor;
import warden.common.InvalidValueException;
import warden.common.MemberKey;
import warden.common.Texts;

/** Gives an active timeout or ban a new end: {@code duration} counted from now, or the instant {@code until}. */
public record RetimeSanction(
        @TargetAggregateIdentifier MemberKey member,
        SanctionId sanctionId,
        Duration duration,
        Instant until,
        Actor by,
        String reason,
        Instant occurredAt) {

    public RetimeSanction {
        Required.of(member, sanctionId, by, occurredAt);
        if ((duration == null) == (until == null))
            throw InvalidValueException.forField("duration", "error.sanction.newEnd");
        if (duration != null && (duration.isNegative() || duration.isZero())) {
            throw InvalidValueException.forField("duration", "error.sanction.newEnd");
        }
        reason = Texts.reason(reason);
    }

    /** The new end this asks for. */
    public Instant newEnd() {
        return until != null ? until : occurredAt.plus(duration);
    }
}
