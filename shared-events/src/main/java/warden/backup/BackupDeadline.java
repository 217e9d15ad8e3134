package warden.backup;

import warden.common.GuildId;

/** Deadline payload: the next automatic backup of a server. Stored by db-scheduler, so it survives restarts. */
public record BackupDeadline(GuildId guild) {
    public static final String NAME = "automatic-backup";
}
