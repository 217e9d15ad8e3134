package warden.backup;

import warden.common.GuildId;

/** The server's running or last restore. */
public record FindRestore(GuildId guild) {}
