package warden.config;

import org.axonframework.serialization.Revision;
import warden.common.Actor;
import warden.common.GuildId;

import java.time.Instant;

/** The moderation settings changed. */
@Revision("1")
public record ModerationConfigured(GuildId guild,
                                   ModerationSettings settings,
                                   long version,
                                   Actor by,
                                   Instant occurredAt) implements PolicyEvent {
}
