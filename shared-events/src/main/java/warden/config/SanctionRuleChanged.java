package warden.config;

import java.time.Instant;
import warden.common.Actor;
import warden.common.GuildId;
import warden.sanctions.SanctionRule;

public record SanctionRuleChanged(GuildId guild,
                                  SanctionRule before,
                                  SanctionRule after,
                                  long version,
                                  Actor by,
                                  Instant occurredAt) implements PolicyEvent {
}
