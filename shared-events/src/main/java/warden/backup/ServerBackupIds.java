package warden.backup;

import warden.common.GuildId;

/** The identity of a server's backup aggregate. */
public final class ServerBackupIds {
    private ServerBackupIds() {}

    public static String of(GuildId guild) {
        return "backup:" + guild;
    }
}
