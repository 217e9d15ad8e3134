package warden.config;

import java.time.Instant;
import org.axonframework.serialization.Revision;
import warden.common.Actor;
import warden.common.GuildId;
import warden.sanctions.SanctionRule;

@Revision("1")
public record SanctionRuleChanged(
        GuildId guild, SanctionRule before, SanctionRule after, long version, Actor by, Instant occurredAt)
        implements PolicyEvent {}
