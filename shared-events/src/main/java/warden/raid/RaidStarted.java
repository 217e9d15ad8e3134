package warden.raid;

import java.time.Instant;
import org.axonframework.serialization.Revision;
import warden.common.Actor;
import warden.common.AuditFacts;
import warden.common.GuildEvent;
import warden.common.GuildId;

/**
 * Raid mode began: detected ({@code joins} within the window) or asked by an admin; {@code previousVerification} is
 * the server's verification level before Warden raised it, to put it back at the end.
 */
@Revision("1")
public record RaidStarted(
        GuildId guild,
        String raidId,
        boolean detected,
        int joins,
        String previousVerification,
        Instant lockdownUntil,
        Actor by,
        Instant occurredAt)
        implements GuildEvent {

    @Override
    public AuditFacts audit() {
        return AuditFacts.of(raidId, by, null);
    }
}
