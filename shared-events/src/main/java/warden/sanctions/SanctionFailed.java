package warden.sanctions;

import org.axonframework.serialization.Revision;
import java.time.Instant;
import warden.common.MemberEvent;
import warden.common.MemberKey;

@Revision("1")
public record SanctionFailed(MemberKey member,
                             SanctionId sanctionId,
                             SanctionKind kind,
                             String reason,
                             Instant occurredAt) implements MemberEvent {
}
