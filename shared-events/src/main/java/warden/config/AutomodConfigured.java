package warden.config;

import java.time.Instant;
import java.util.List;
import org.axonframework.serialization.Revision;
import warden.automod.AutomodSettings;
import warden.common.Actor;
import warden.common.GuildId;

/** The automod settings changed; {@code changed} names the modules that differ from the previous version. */
@Revision("1")
public record AutomodConfigured(
        GuildId guild, AutomodSettings settings, List<String> changed, long version, Actor by, Instant occurredAt)
        implements PolicyEvent {}
