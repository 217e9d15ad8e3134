package warden.raid;

import warden.common.GuildId;

/** The server's current raid, or its last one. */
public record FindRaid(GuildId guild) {}
