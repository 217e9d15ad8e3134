package warden.sanctions;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import warden.common.Actor;
import warden.common.MemberKey;
import warden.common.Texts;

/**
 * Removes every sanction of a member at once, as one recorded action ({@code resetId} ties the removals together);
 * with {@code decidedUpTo}, only the sanctions decided up to that instant (a server's reset, safe to run again).
 */
public record ResetMemberSanctions(
        @TargetAggregateIdentifier MemberKey member,
        String resetId,
        Actor by,
        String reason,
        Instant occurredAt,
        Instant decidedUpTo) {

    public ResetMemberSanctions(MemberKey member, String resetId, Actor by, String reason, Instant occurredAt) {
        this(member, resetId, by, reason, occurredAt, null);
    }

    public ResetMemberSanctions {
        Required.of(member, resetId, by, occurredAt);
        reason = Texts.reason(reason);
    }
}
