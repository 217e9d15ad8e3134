package warden.sanctions;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import warden.common.MemberKey;
import warden.common.Texts;

/** The executor reports that Discord refused the sanction (missing permission, role hierarchy...). */
public record ReportSanctionFailed(
        @TargetAggregateIdentifier MemberKey member, SanctionId sanctionId, String reason, Instant occurredAt) {

    public ReportSanctionFailed {
        Required.of(member, sanctionId, occurredAt);
        reason = Texts.reason(reason);
    }
}
