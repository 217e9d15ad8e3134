package warden.config;

import org.axonframework.serialization.Revision;
import java.time.Instant;
import warden.common.Actor;
import warden.common.GuildId;

@Revision("1")
public record PremiumChanged(GuildId guild,
                             boolean premium,
                             long version,
                             Actor by,
                             Instant occurredAt) implements PolicyEvent {
}
