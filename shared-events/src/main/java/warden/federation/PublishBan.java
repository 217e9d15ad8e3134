package warden.federation;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import warden.common.Actor;
import warden.common.GuildId;
import warden.common.InvalidValueException;
import warden.common.UserId;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/** A publishing partner adds an entry to the shared ban list, with its reason and evidence links. */
public record PublishBan(@TargetAggregateIdentifier String federationId, String entryId, GuildId guild, UserId user, String reason, List<String> evidence, Actor by, Instant occurredAt) {

    public PublishBan {
        if (federationId == null || entryId == null || guild == null || user == null || reason == null || reason.isBlank() || reason.length() > 500 || evidence == null || evidence.size() > 5 || by == null || occurredAt == null) throw new InvalidValueException("error.field.missing");
    }
}
