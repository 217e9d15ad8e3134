package warden.config;

import java.time.Instant;
import warden.common.Actor;
import warden.common.GuildId;

public record PremiumChanged(GuildId guild,
                             boolean premium,
                             long version,
                             Actor by,
                             Instant occurredAt) implements PolicyEvent {
}
