package warden.backup;

import warden.common.GuildId;

/** The server's backups, newest first. */
public record ListBackups(GuildId guild) {}
