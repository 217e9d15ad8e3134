package warden.sanctions;

import java.time.Instant;
import warden.common.MemberEvent;
import warden.common.MemberKey;

public record SanctionFailed(MemberKey member,
                             SanctionId sanctionId,
                             SanctionKind kind,
                             String reason,
                             Instant occurredAt) implements MemberEvent {
}
