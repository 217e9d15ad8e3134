package warden.sanctions;

import java.time.Instant;
import org.axonframework.serialization.Revision;
import warden.common.Actor;
import warden.common.AuditFacts;
import warden.common.MemberEvent;
import warden.common.MemberKey;

@Revision("1")
public record EvidenceImageDetached(
        MemberKey member, EvidenceTarget target, String targetId, String sha256, Actor by, Instant occurredAt)
        implements MemberEvent {

    @Override
    public AuditFacts audit() {
        return AuditFacts.of(targetId, by, sha256);
    }
}
