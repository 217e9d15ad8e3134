package warden.config;

import warden.common.GuildId;

/** The guild's current policy document; a guild that never configured anything gets the defaults at version 0. */
public record FindGuildPolicy(GuildId guild) {}
