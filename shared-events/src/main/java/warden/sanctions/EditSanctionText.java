package warden.sanctions;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import warden.common.Actor;
import warden.common.MemberKey;
import warden.common.Texts;

/** Changes a sanction's reason or context; an empty text clears it. */
public record EditSanctionText(
        @TargetAggregateIdentifier MemberKey member,
        SanctionId sanctionId,
        SanctionText field,
        String text,
        Actor by,
        Instant occurredAt) {

    public EditSanctionText {
        Required.of(member, sanctionId, field, by, occurredAt);
        text = Texts.reason(text);
    }
}
