package warden.raid;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import warden.common.Actor;
import warden.common.GuildId;

/** Ends raid mode; refused when none is on. */
public record EndRaid(GuildId guild, Actor by, Instant occurredAt) {

    @TargetAggregateIdentifier
    public String raidGuard() {
        return "raid:" + guild;
    }
}
