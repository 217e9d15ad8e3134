package warden.interserver;

import warden.common.GuildId;

/** A guild's interserver links, current and past, newest first. */
public record FindGuildInterserver(GuildId guild) {}
