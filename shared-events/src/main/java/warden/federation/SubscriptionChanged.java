package warden.federation;

import java.time.Instant;
import org.axonframework.serialization.Revision;
import warden.common.Actor;
import warden.common.AuditFacts;
import warden.common.GuildId;

/** A partner's subscription mode and alert channel changed. */
@Revision("1")
public record SubscriptionChanged(
        String federationId, GuildId guild, EnforcementMode mode, String alertChannel, Actor by, Instant occurredAt)
        implements FederationEvent {

    @Override
    public AuditFacts audit() {
        return AuditFacts.of(federationId, by, mode == null ? null : mode.name());
    }
}
