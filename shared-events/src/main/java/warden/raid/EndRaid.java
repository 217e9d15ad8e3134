package warden.raid;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import warden.common.Actor;
import warden.common.GuildId;

import java.time.Instant;

/** Ends raid mode; refused when none is on. */
public record EndRaid(GuildId guild, Actor by, Instant occurredAt) {

    @TargetAggregateIdentifier
    public String raidGuard() {
        return "raid:" + guild;
    }
}
