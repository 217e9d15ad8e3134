package warden.sanctions;

import java.time.Instant;
import warden.common.Actor;
import warden.common.MemberEvent;
import warden.common.MemberKey;

public record InfractionPardoned(MemberKey member,
                                 InfractionId infractionId,
                                 Actor by,
                                 String reason,
                                 Instant occurredAt) implements MemberEvent {
}
