package warden.federation;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import warden.common.Actor;
import warden.common.GuildId;
import warden.common.InvalidValueException;

/** The owner invites a server: a single-use code, stored only as its hash, valid until {@code expiresAt}, giving the roles named. */
public record InvitePartner(
        @TargetAggregateIdentifier String federationId,
        GuildId guild,
        String inviteId,
        String codeHash,
        boolean publish,
        boolean subscribe,
        Instant expiresAt,
        Actor by,
        Instant occurredAt) {

    public InvitePartner {
        if (federationId == null
                || guild == null
                || inviteId == null
                || codeHash == null
                || expiresAt == null
                || by == null
                || occurredAt == null) throw new InvalidValueException("error.field.missing");
    }
}
