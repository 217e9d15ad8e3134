package warden.federation;

import java.time.Instant;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import warden.common.Actor;
import warden.common.GuildId;
import warden.common.InvalidValueException;
import warden.common.UserId;

/** A publishing partner adds an entry to the shared ban list, with its reason and evidence links. */
public record PublishBan(
        @TargetAggregateIdentifier String federationId,
        String entryId,
        GuildId guild,
        UserId user,
        String reason,
        List<String> evidence,
        Actor by,
        Instant occurredAt) {

    public static final int MAX_REASON = 500;
    public static final int MAX_EVIDENCE = 5;

    public PublishBan {
        if (federationId == null
                || entryId == null
                || guild == null
                || user == null
                || evidence == null
                || by == null
                || occurredAt == null) {
            throw new InvalidValueException("error.field.missing");
        }
        if (reason == null || reason.isBlank() || reason.length() > MAX_REASON)
            throw InvalidValueException.forField("reason", "error.federation.reason", MAX_REASON);
        if (evidence.size() > MAX_EVIDENCE
                || evidence.stream().anyMatch(link -> !link.startsWith("https://") || link.length() > 300)) {
            throw InvalidValueException.forField("evidence", "error.federation.evidence", MAX_EVIDENCE);
        }
    }
}
