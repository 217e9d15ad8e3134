package warden.sanctions;

import java.time.Instant;
import warden.common.MemberEvent;
import warden.common.MemberKey;

public record SanctionApplied(MemberKey member,
                              SanctionId sanctionId,
                              SanctionKind kind,
                              Instant occurredAt) implements MemberEvent {
}
