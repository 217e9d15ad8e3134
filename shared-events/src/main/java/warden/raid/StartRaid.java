package warden.raid;

import java.time.Instant;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import warden.common.Actor;
import warden.common.GuildId;
import warden.common.InvalidValueException;
import warden.common.UserId;

/** Starts raid mode, with the accounts that revealed it; refused if a raid is already on. */
public record StartRaid(
        GuildId guild,
        String raidId,
        boolean detected,
        List<UserId> joined,
        String previousVerification,
        Instant lockdownUntil,
        Actor by,
        Instant occurredAt) {

    public StartRaid {
        if (guild == null || raidId == null || by == null || occurredAt == null || lockdownUntil == null) {
            throw new InvalidValueException("error.field.missing");
        }
        joined = joined == null ? List.of() : List.copyOf(joined);
    }

    @TargetAggregateIdentifier
    public String raidGuard() {
        return "raid:" + guild;
    }
}
