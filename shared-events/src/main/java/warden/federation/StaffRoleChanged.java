package warden.federation;

import java.time.Instant;
import org.axonframework.serialization.Revision;
import warden.common.Actor;
import warden.common.AuditFacts;
import warden.common.GuildId;

/** The federation's moderation team is the members of this role of the owner's server (none when null). */
@Revision("1")
public record StaffRoleChanged(String federationId, GuildId guild, String role, Actor by, Instant occurredAt)
        implements FederationEvent {

    @Override
    public AuditFacts audit() {
        return AuditFacts.of(federationId, by, role);
    }
}
