package warden.federation;

import java.time.Instant;
import org.axonframework.serialization.Revision;
import warden.common.Actor;
import warden.common.AuditFacts;
import warden.common.GuildId;

/** A federation of partner servers was created by its owner server. */
@Revision("1")
public record FederationCreated(String federationId, String name, GuildId guild, Actor by, Instant occurredAt)
        implements FederationEvent {

    @Override
    public AuditFacts audit() {
        return AuditFacts.of(federationId, by, name);
    }
}
