package warden.federation;

import warden.common.AuditFacts;
import org.axonframework.serialization.Revision;
import warden.common.Actor;
import warden.common.GuildId;

import java.time.Instant;

/** A partner opted in to (or out of) the federation's moderation team. */
@Revision("1")
public record TeamAccessChanged(String federationId, GuildId guild, boolean allowed, Actor by, Instant occurredAt) implements FederationEvent {

    @Override
    public AuditFacts audit() {
        return AuditFacts.of(federationId, by, allowed ? "allowed" : "refused");
    }
}
