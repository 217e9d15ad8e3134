package warden.sanctions;

import warden.common.AuditFacts;
import org.axonframework.serialization.Revision;
import warden.common.Actor;
import warden.common.GuildEvent;
import warden.common.GuildId;

import java.time.Instant;

/** A whole server's sanctions, decided up to {@code occurredAt}, are to be removed; each member's record does it. */
@Revision("1")
public record GuildSanctionsReset(GuildId guild,
                                  String resetId,
                                  Actor by,
                                  String reason,
                                  Instant occurredAt) implements GuildEvent {

    @Override
    public AuditFacts audit() {
        return AuditFacts.of(resetId, by, reason);
    }
}
