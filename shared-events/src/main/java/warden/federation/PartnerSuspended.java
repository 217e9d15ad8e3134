package warden.federation;

import warden.common.AuditFacts;
import org.axonframework.serialization.Revision;
import warden.common.Actor;
import warden.common.GuildId;
import warden.common.UserId;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/** A partner was suspended: it publishes nothing more, and with {@code revert} its entries were revoked with their bans reverted. */
@Revision("1")
public record PartnerSuspended(String federationId, GuildId guild, GuildId partner, boolean revert, Actor by, Instant occurredAt) implements FederationEvent {

    @Override
    public AuditFacts audit() {
        return AuditFacts.of(federationId + "/" + partner, by, revert ? "revert" : null);
    }
}
