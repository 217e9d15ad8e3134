package warden.federation;

import java.time.Instant;
import org.axonframework.serialization.Revision;
import warden.common.Actor;
import warden.common.AuditFacts;
import warden.common.GuildId;

/** An invitation was made; only the hash of its code is kept. */
@Revision("1")
public record PartnerInvited(
        String federationId,
        GuildId guild,
        String inviteId,
        String codeHash,
        boolean publish,
        boolean subscribe,
        Instant expiresAt,
        Actor by,
        Instant occurredAt)
        implements FederationEvent {

    @Override
    public AuditFacts audit() {
        return AuditFacts.of(federationId + "/" + inviteId, by, null);
    }
}
