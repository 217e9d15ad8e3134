package warden.federation;

import java.time.Instant;
import org.axonframework.serialization.Revision;
import warden.common.Actor;
import warden.common.AuditFacts;
import warden.common.GuildId;

/** A partner set an entry aside for its server. */
@Revision("1")
public record EntryOverridden(String federationId, String entryId, GuildId guild, Actor by, Instant occurredAt)
        implements FederationEvent {

    @Override
    public AuditFacts audit() {
        return AuditFacts.of(entryId, by, null);
    }
}
