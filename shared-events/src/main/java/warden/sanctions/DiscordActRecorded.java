package warden.sanctions;

import java.time.Instant;
import org.axonframework.serialization.Revision;
import warden.common.Actor;
import warden.common.AuditFacts;
import warden.common.MemberEvent;
import warden.common.MemberKey;

/**
 * A sanction made on Discord without Warden deciding it, already in force there: it is the member's like any other
 * (their log, {@code /why}, search, standing), and ends like any other ({@code expiresAt}, a lift), but Warden never
 * carries it out.
 */
@Revision("1")
public record DiscordActRecorded(
        MemberKey member,
        SanctionId sanctionId,
        SanctionSpec sanction,
        Actor by,
        String reason,
        Instant occurredAt,
        Instant expiresAt)
        implements MemberEvent {

    @Override
    public AuditFacts audit() {
        return AuditFacts.sanction(sanctionId.value(), sanction.kind(), by, reason);
    }
}
