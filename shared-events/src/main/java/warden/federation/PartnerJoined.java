package warden.federation;

import java.time.Instant;
import org.axonframework.serialization.Revision;
import warden.common.Actor;
import warden.common.AuditFacts;
import warden.common.GuildId;

/** A server joined the federation with the roles its invitation gave. */
@Revision("1")
public record PartnerJoined(
        String federationId,
        GuildId guild,
        String inviteId,
        boolean publish,
        boolean subscribe,
        Actor by,
        Instant occurredAt)
        implements FederationEvent {

    @Override
    public AuditFacts audit() {
        return AuditFacts.of(federationId + "/" + inviteId, by, null);
    }
}
