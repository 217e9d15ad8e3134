package warden.federation;

import java.time.Instant;
import org.axonframework.serialization.Revision;
import warden.common.Actor;
import warden.common.AuditFacts;
import warden.common.GuildId;
import warden.common.UserId;

/** An entry was revoked; {@code revert} (an explicit federation-wide unban, or a suspended publisher's entries) asks servers to unban what only it banned; {@code remaining} counts the user's entries still listed. */
@Revision("1")
public record BanRevoked(
        String federationId,
        GuildId guild,
        String entryId,
        UserId user,
        boolean revert,
        int remaining,
        Actor by,
        Instant occurredAt)
        implements FederationEvent {

    @Override
    public AuditFacts audit() {
        return AuditFacts.of(entryId, by, revert ? "revert" : null);
    }
}
