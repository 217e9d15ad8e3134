package warden.sanctions;

import java.time.Instant;
import org.axonframework.serialization.Revision;
import warden.common.Actor;
import warden.common.AuditFacts;
import warden.common.GuildEvent;
import warden.common.GuildId;

/** A whole server's sanctions, decided up to {@code occurredAt}, are to be removed; each member's record does it. */
@Revision("1")
public record GuildSanctionsReset(GuildId guild, String resetId, Actor by, String reason, Instant occurredAt)
        implements GuildEvent {

    @Override
    public AuditFacts audit() {
        return AuditFacts.of(resetId, by, reason);
    }
}
