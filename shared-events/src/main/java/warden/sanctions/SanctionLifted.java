package warden.sanctions;

import java.time.Instant;
import warden.common.Actor;
import warden.common.MemberEvent;
import warden.common.MemberKey;

public record SanctionLifted(MemberKey member,
                             SanctionId sanctionId,
                             SanctionKind kind,
                             Actor by,
                             String reason,
                             LiftCause cause,
                             Instant occurredAt) implements MemberEvent {
}
