package warden.raid;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import warden.common.GuildId;
import warden.common.UserId;

/** An account joined while raid mode is on; ignored when it is off. */
public record RecordRaidJoin(GuildId guild, UserId account, Instant occurredAt) {

    @TargetAggregateIdentifier
    public String raidGuard() {
        return "raid:" + guild;
    }
}
