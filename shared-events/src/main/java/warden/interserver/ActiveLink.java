package warden.interserver;

import warden.common.ChannelId;
import warden.common.GuildId;

public record ActiveLink(FrequencyKey frequency, GuildId guild, ChannelId channel) {}
