package warden.sanctions;

import java.time.Instant;
import org.axonframework.serialization.Revision;
import warden.common.Actor;
import warden.common.AuditFacts;
import warden.common.MemberEvent;
import warden.common.MemberKey;

/** An active timeout or ban got a new end ({@code previousEnd} is null for a ban that had none). */
@Revision("1")
public record SanctionRetimed(
        MemberKey member,
        SanctionId sanctionId,
        SanctionKind kind,
        Instant previousEnd,
        Instant newEnd,
        Actor by,
        String reason,
        Instant occurredAt)
        implements MemberEvent {

    @Override
    public AuditFacts audit() {
        return AuditFacts.sanction(sanctionId.value(), kind, by, reason);
    }
}
