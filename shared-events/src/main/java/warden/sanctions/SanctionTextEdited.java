package warden.sanctions;

import java.time.Instant;
import org.axonframework.serialization.Revision;
import warden.common.Actor;
import warden.common.AuditFacts;
import warden.common.MemberEvent;
import warden.common.MemberKey;

/** A sanction's reason or context changed from {@code before} to {@code after} (either may be null). */
@Revision("1")
public record SanctionTextEdited(
        MemberKey member,
        SanctionId sanctionId,
        SanctionKind kind,
        SanctionText field,
        String before,
        String after,
        Actor by,
        Instant occurredAt)
        implements MemberEvent {

    @Override
    public AuditFacts audit() {
        return AuditFacts.sanction(sanctionId.value(), kind, by, after);
    }
}
