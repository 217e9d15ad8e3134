package warden.sanctions;

import java.time.Instant;
import org.axonframework.serialization.Revision;
import warden.common.Actor;
import warden.common.AuditFacts;
import warden.common.MemberEvent;
import warden.common.MemberKey;

@Revision("1")
public record SanctionLifted(
        MemberKey member,
        SanctionId sanctionId,
        SanctionKind kind,
        Actor by,
        String reason,
        LiftCause cause,
        Instant occurredAt,
        HeldBy heldBy)
        implements MemberEvent {

    /** Lifted with nothing else holding the member (and as recorded before {@code heldBy} was known). */
    public SanctionLifted(
            MemberKey member,
            SanctionId sanctionId,
            SanctionKind kind,
            Actor by,
            String reason,
            LiftCause cause,
            Instant occurredAt) {
        this(member, sanctionId, kind, by, reason, cause, occurredAt, null);
    }

    @Override
    public AuditFacts audit() {
        return AuditFacts.sanction(sanctionId.value(), kind, by, reason);
    }
}
