package warden.federation;

import java.time.Instant;
import org.axonframework.serialization.Revision;
import warden.common.Actor;
import warden.common.AuditFacts;
import warden.common.GuildId;

/** A partner was suspended: it publishes nothing more, and with {@code revert} its entries were revoked with their bans reverted. */
@Revision("1")
public record PartnerSuspended(
        String federationId, GuildId guild, GuildId partner, boolean revert, Actor by, Instant occurredAt)
        implements FederationEvent {

    @Override
    public AuditFacts audit() {
        return AuditFacts.of(federationId + "/" + partner, by, revert ? "revert" : null);
    }
}
