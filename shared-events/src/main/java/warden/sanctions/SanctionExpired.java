package warden.sanctions;

import java.time.Instant;
import org.axonframework.serialization.Revision;
import warden.common.AuditFacts;
import warden.common.MemberEvent;
import warden.common.MemberKey;

/**
 * A temporary sanction reached its end; {@code occurredAt} is the planned end, so a late deadline decides the same.
 * {@code heldBy} names another sanction still holding the member (null when none, and in events recorded before it
 * was known): Discord's ban or timeout is then left in place.
 */
@Revision("1")
public record SanctionExpired(
        MemberKey member, SanctionId sanctionId, SanctionKind kind, Instant occurredAt, HeldBy heldBy)
        implements MemberEvent {

    public SanctionExpired(MemberKey member, SanctionId sanctionId, SanctionKind kind, Instant occurredAt) {
        this(member, sanctionId, kind, occurredAt, null);
    }

    @Override
    public AuditFacts audit() {
        return AuditFacts.sanction(sanctionId.value(), kind, null, null);
    }
}
