package warden.sanctions;

import warden.common.AuditFacts;
import org.axonframework.serialization.Revision;
import java.time.Instant;
import warden.common.Actor;
import warden.common.MemberEvent;
import warden.common.MemberKey;

@Revision("1")
public record InfractionPardoned(MemberKey member,
                                 InfractionId infractionId,
                                 Actor by,
                                 String reason,
                                 Instant occurredAt) implements MemberEvent {

    @Override
    public AuditFacts audit() {
        return AuditFacts.of(infractionId.value(), by, reason);
    }
}
