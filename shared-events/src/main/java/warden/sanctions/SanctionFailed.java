package warden.sanctions;

import java.time.Instant;
import org.axonframework.serialization.Revision;
import warden.common.AuditFacts;
import warden.common.MemberEvent;
import warden.common.MemberKey;

@Revision("1")
public record SanctionFailed(
        MemberKey member, SanctionId sanctionId, SanctionKind kind, String reason, Instant occurredAt)
        implements MemberEvent {

    @Override
    public AuditFacts audit() {
        return AuditFacts.sanction(sanctionId.value(), kind, null, reason);
    }
}
