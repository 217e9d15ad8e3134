package warden.federation;

import java.time.Instant;
import java.util.List;
import org.axonframework.serialization.Revision;
import warden.common.Actor;
import warden.common.AuditFacts;
import warden.common.GuildId;
import warden.common.UserId;

/** An entry of the shared ban list: who, why, the evidence, and which server and moderator published it. */
@Revision("1")
public record BanPublished(
        String federationId,
        String entryId,
        UserId user,
        String reason,
        List<String> evidence,
        GuildId publisher,
        Actor by,
        Instant occurredAt)
        implements FederationEvent {

    /** The publishing server: the entry belongs to its audit trail. */
    @Override
    public GuildId guild() {
        return publisher;
    }

    @Override
    public AuditFacts audit() {
        return AuditFacts.of(entryId, by, reason);
    }
}
