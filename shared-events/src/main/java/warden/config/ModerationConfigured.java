package warden.config;

import java.time.Instant;
import org.axonframework.serialization.Revision;
import warden.common.Actor;
import warden.common.GuildId;

/** The moderation settings changed. */
@Revision("1")
public record ModerationConfigured(
        GuildId guild, ModerationSettings settings, long version, Actor by, Instant occurredAt)
        implements PolicyEvent {}
