package warden.federation;

import java.time.Instant;
import java.util.Set;
import org.axonframework.serialization.Revision;
import warden.common.Actor;
import warden.common.AuditFacts;
import warden.common.GuildId;
import warden.common.UserId;

/** A partner's never-ban set changed. */
@Revision("1")
public record NeverBanChanged(
        String federationId, GuildId guild, Set<UserId> users, Set<String> roles, Actor by, Instant occurredAt)
        implements FederationEvent {

    @Override
    public AuditFacts audit() {
        return AuditFacts.of(federationId, by, null);
    }
}
