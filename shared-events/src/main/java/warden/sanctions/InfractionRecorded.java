package warden.sanctions;

import java.time.Instant;
import org.axonframework.serialization.Revision;
import warden.common.Actor;
import warden.common.AuditFacts;
import warden.common.MemberEvent;
import warden.common.MemberKey;

@Revision("2")
public record InfractionRecorded(
        MemberKey member,
        InfractionId infractionId,
        InfractionType type,
        Actor by,
        String reason,
        Evidence evidence,
        Instant occurredAt)
        implements MemberEvent {

    @Override
    public AuditFacts audit() {
        return AuditFacts.infraction(infractionId.value(), type, by, reason);
    }
}
