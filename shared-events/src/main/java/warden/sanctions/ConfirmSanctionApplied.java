package warden.sanctions;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import warden.common.MemberKey;

/** The executor reports that Discord carried the sanction out. */
public record ConfirmSanctionApplied(
        @TargetAggregateIdentifier MemberKey member, SanctionId sanctionId, Instant occurredAt) {

    public ConfirmSanctionApplied {
        Required.of(member, sanctionId, occurredAt);
    }
}
