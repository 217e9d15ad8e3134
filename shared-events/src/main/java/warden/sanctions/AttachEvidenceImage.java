package warden.sanctions;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import warden.common.Actor;
import warden.common.MemberKey;

/** Adds an image (already fetched, checked and hashed) to a sanction's or an infraction's evidence. */
public record AttachEvidenceImage(
        @TargetAggregateIdentifier MemberKey member,
        EvidenceTarget target,
        String targetId,
        EvidenceImage image,
        Actor by,
        Instant occurredAt) {

    public AttachEvidenceImage {
        Required.of(member, target, targetId, image, by, occurredAt);
    }
}
