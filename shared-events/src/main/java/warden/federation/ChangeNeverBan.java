package warden.federation;

import java.time.Instant;
import java.util.Set;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import warden.common.Actor;
import warden.common.GuildId;
import warden.common.InvalidValueException;
import warden.common.UserId;

/** A partner's never-ban set: users and staff roles the list can never ban there (the owner and Warden always are). */
public record ChangeNeverBan(
        @TargetAggregateIdentifier String federationId,
        GuildId guild,
        Set<UserId> users,
        Set<String> roles,
        Actor by,
        Instant occurredAt) {

    public ChangeNeverBan {
        if (federationId == null || guild == null || users == null || roles == null || by == null || occurredAt == null)
            throw new InvalidValueException("error.field.missing");
    }
}
