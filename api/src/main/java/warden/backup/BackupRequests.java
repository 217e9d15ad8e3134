package warden.backup;

import java.time.Instant;
import java.util.UUID;
import org.springframework.stereotype.Component;
import warden.common.Actor;
import warden.common.GuildId;
import warden.config.GuildPolicies;
import warden.platform.Commands;

/** Asks for a backup from the API or the panel: recorded at once, taken by the node that holds the server's shard. */
@Component
public class BackupRequests {

    private final Commands commands;
    private final BackupProperties properties;
    private final GuildPolicies policies;

    BackupRequests(Commands commands, BackupProperties properties, GuildPolicies policies) {
        this.commands = commands;
        this.properties = properties;
        this.policies = policies;
    }

    /** The id the backup will have; refused (nothing recorded) at the server's limit. */
    public String request(GuildId guild, String label, Actor actor) {
        String backupId = UUID.randomUUID().toString().substring(0, 8);
        int limit = properties.limit(policies.current(guild).premium());
        commands.sendAndWait(new RequestBackup(guild, backupId, label, limit, actor, Instant.now()));
        return backupId;
    }
}
