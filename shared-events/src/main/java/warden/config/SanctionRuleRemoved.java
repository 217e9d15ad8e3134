package warden.config;

import java.time.Instant;
import warden.common.Actor;
import warden.common.GuildId;
import warden.sanctions.RuleId;

public record SanctionRuleRemoved(GuildId guild,
                                  RuleId rule,
                                  long version,
                                  Actor by,
                                  Instant occurredAt) implements PolicyEvent {
}
