package warden.sanctions;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import warden.common.Actor;
import warden.common.MemberKey;

/** Takes an image, named by its SHA-256, out of a sanction's or an infraction's evidence. */
public record DetachEvidenceImage(
        @TargetAggregateIdentifier MemberKey member,
        EvidenceTarget target,
        String targetId,
        String sha256,
        Actor by,
        Instant occurredAt) {

    public DetachEvidenceImage {
        Required.of(member, target, targetId, sha256, by, occurredAt);
    }
}
