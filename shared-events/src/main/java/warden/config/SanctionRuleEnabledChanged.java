package warden.config;

import java.time.Instant;
import warden.common.Actor;
import warden.common.GuildId;
import warden.sanctions.RuleId;

public record SanctionRuleEnabledChanged(GuildId guild,
                                         RuleId rule,
                                         boolean enabled,
                                         long version,
                                         Actor by,
                                         Instant occurredAt) implements PolicyEvent {
}
