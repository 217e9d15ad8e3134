package warden.interserver;

import java.time.Instant;
import warden.common.Actor;
import warden.common.ChannelId;
import warden.common.GuildEvent;
import warden.common.GuildId;

public record ChannelLinked(FrequencyKey frequency,
                            GuildId guild,
                            ChannelId channel,
                            Actor by,
                            Instant occurredAt) implements GuildEvent {
}
