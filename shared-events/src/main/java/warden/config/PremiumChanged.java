package warden.config;

import java.time.Instant;
import org.axonframework.serialization.Revision;
import warden.common.Actor;
import warden.common.GuildId;

@Revision("1")
public record PremiumChanged(GuildId guild, boolean premium, long version, Actor by, Instant occurredAt)
        implements PolicyEvent {}
