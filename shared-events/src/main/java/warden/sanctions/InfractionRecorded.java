package warden.sanctions;

import java.time.Instant;
import warden.common.Actor;
import warden.common.MemberEvent;
import warden.common.MemberKey;

public record InfractionRecorded(MemberKey member,
                                 InfractionId infractionId,
                                 InfractionType type,
                                 Actor source,
                                 String reason,
                                 Evidence evidence,
                                 Instant occurredAt) implements MemberEvent {
}
