package warden.federation;

import warden.common.AuditFacts;
import org.axonframework.serialization.Revision;
import warden.common.Actor;
import warden.common.GuildId;
import warden.common.UserId;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/** A partner set an entry aside for its server. */
@Revision("1")
public record EntryOverridden(String federationId, String entryId, GuildId guild, Actor by, Instant occurredAt) implements FederationEvent {

    @Override
    public AuditFacts audit() {
        return AuditFacts.of(entryId, by, null);
    }
}
