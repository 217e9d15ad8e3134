package warden.sanctions;

import java.time.Instant;
import org.axonframework.serialization.Revision;
import warden.common.Actor;
import warden.common.AuditFacts;
import warden.common.MemberEvent;
import warden.common.MemberKey;

/** A sanction was decided, by a moderator ({@code rule} is null) or by a rule; {@code expiresAt} is null when it does not expire. */
@Revision("1")
public record SanctionDecided(
        MemberKey member,
        SanctionId sanctionId,
        SanctionSpec sanction,
        Actor decidedBy,
        String reason,
        RuleDecision rule,
        Instant occurredAt,
        Instant expiresAt)
        implements MemberEvent {

    @Override
    public AuditFacts audit() {
        return AuditFacts.sanction(sanctionId.value(), sanction.kind(), decidedBy, reason);
    }
}
