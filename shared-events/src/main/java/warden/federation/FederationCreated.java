package warden.federation;

import warden.common.AuditFacts;
import org.axonframework.serialization.Revision;
import warden.common.Actor;
import warden.common.GuildId;
import warden.common.UserId;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/** A federation of partner servers was created by its owner server. */
@Revision("1")
public record FederationCreated(String federationId, String name, GuildId guild, Actor by, Instant occurredAt) implements FederationEvent {

    @Override
    public AuditFacts audit() {
        return AuditFacts.of(federationId, by, name);
    }
}
