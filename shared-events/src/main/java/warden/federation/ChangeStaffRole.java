package warden.federation;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import warden.common.Actor;
import warden.common.GuildId;
import warden.common.InvalidValueException;

/** The owner names the role (in its own server) of the federation's moderation team; null removes it. */
public record ChangeStaffRole(
        @TargetAggregateIdentifier String federationId, GuildId guild, String role, Actor by, Instant occurredAt) {

    public ChangeStaffRole {
        if (federationId == null || guild == null || by == null || occurredAt == null)
            throw new InvalidValueException("error.field.missing");
        if (role != null) warden.common.RoleId.of(role);
    }
}
