package warden.sanctions;

import java.time.Instant;
import org.axonframework.serialization.Revision;
import warden.common.Actor;
import warden.common.AuditFacts;
import warden.common.MemberEvent;
import warden.common.MemberKey;

/**
 * A sanction was taken back: it no longer counts anywhere; {@code wasActive} says it was still in force, so Discord must
 * lift it, unless {@code heldBy} names another sanction still holding the member; {@code resetId} names the reset it was
 * part of, if any.
 */
@Revision("1")
public record SanctionRemoved(
        MemberKey member,
        SanctionId sanctionId,
        SanctionKind kind,
        boolean wasActive,
        Actor by,
        String reason,
        String resetId,
        Instant occurredAt,
        HeldBy heldBy)
        implements MemberEvent {

    public SanctionRemoved(
            MemberKey member,
            SanctionId sanctionId,
            SanctionKind kind,
            boolean wasActive,
            Actor by,
            String reason,
            String resetId,
            Instant occurredAt) {
        this(member, sanctionId, kind, wasActive, by, reason, resetId, occurredAt, null);
    }

    @Override
    public AuditFacts audit() {
        return AuditFacts.sanction(sanctionId.value(), kind, by, reason);
    }
}
