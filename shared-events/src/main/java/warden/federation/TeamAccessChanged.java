package warden.federation;

import java.time.Instant;
import org.axonframework.serialization.Revision;
import warden.common.Actor;
import warden.common.AuditFacts;
import warden.common.GuildId;

/** A partner opted in to (or out of) the federation's moderation team. */
@Revision("1")
public record TeamAccessChanged(String federationId, GuildId guild, boolean allowed, Actor by, Instant occurredAt)
        implements FederationEvent {

    @Override
    public AuditFacts audit() {
        return AuditFacts.of(federationId, by, allowed ? "allowed" : "refused");
    }
}
