package warden.config;

import java.time.Instant;
import org.axonframework.serialization.Revision;
import warden.common.Actor;
import warden.common.GuildId;
import warden.sanctions.SanctionRule;

@Revision("1")
public record SanctionRuleAdded(GuildId guild, SanctionRule rule, long version, Actor by, Instant occurredAt)
        implements PolicyEvent {}
