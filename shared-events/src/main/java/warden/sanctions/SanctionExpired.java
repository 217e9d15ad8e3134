package warden.sanctions;

import java.time.Instant;
import org.axonframework.serialization.Revision;
import warden.common.AuditFacts;
import warden.common.MemberEvent;
import warden.common.MemberKey;

/** A temporary sanction reached its end; {@code occurredAt} is the planned end, so a late deadline decides the same. */
@Revision("1")
public record SanctionExpired(MemberKey member, SanctionId sanctionId, SanctionKind kind, Instant occurredAt)
        implements MemberEvent {

    @Override
    public AuditFacts audit() {
        return AuditFacts.sanction(sanctionId.value(), kind, null, null);
    }
}
