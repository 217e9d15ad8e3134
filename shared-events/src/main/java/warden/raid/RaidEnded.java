package warden.raid;

import java.time.Instant;
import org.axonframework.serialization.Revision;
import warden.common.Actor;
import warden.common.AuditFacts;
import warden.common.GuildEvent;
import warden.common.GuildId;

/** Raid mode ended; {@code accounts} joined during it. */
@Revision("1")
public record RaidEnded(GuildId guild, String raidId, int accounts, Actor by, Instant occurredAt)
        implements GuildEvent {

    @Override
    public AuditFacts audit() {
        return AuditFacts.of(raidId, by, null);
    }
}
