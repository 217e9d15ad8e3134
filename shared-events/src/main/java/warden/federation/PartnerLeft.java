package warden.federation;

import warden.common.AuditFacts;
import org.axonframework.serialization.Revision;
import warden.common.Actor;
import warden.common.GuildId;
import warden.common.UserId;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/** A partner left the federation. */
@Revision("1")
public record PartnerLeft(String federationId, GuildId guild, Actor by, Instant occurredAt) implements FederationEvent {

    @Override
    public AuditFacts audit() {
        return AuditFacts.of(federationId, by, null);
    }
}
