package warden.federation;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import warden.common.Actor;
import warden.common.GuildId;
import warden.common.InvalidValueException;

/** The entry's publisher (or the owner) revokes it. Never an unban by itself: each server is told and decides. */
public record RevokeBan(
        @TargetAggregateIdentifier String federationId, String entryId, GuildId guild, Actor by, Instant occurredAt) {

    public RevokeBan {
        if (federationId == null || entryId == null || guild == null || by == null || occurredAt == null)
            throw new InvalidValueException("error.field.missing");
    }
}
