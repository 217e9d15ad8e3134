package warden.config;

import java.time.Instant;
import org.axonframework.serialization.Revision;
import warden.common.Actor;
import warden.common.GuildId;
import warden.sanctions.RuleId;

@Revision("1")
public record SanctionRuleEnabledChanged(
        GuildId guild, RuleId rule, boolean enabled, long version, Actor by, Instant occurredAt)
        implements PolicyEvent {}
