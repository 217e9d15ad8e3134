package warden.backup;

import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;
import warden.discord.ConditionalOnDiscord;
import warden.discord.ShardSlice;
import warden.discord.ShardedSideEffect;
import warden.discord.SideEffectProcessors;

/**
 * Takes scheduled backups and carries restores out, on the node that holds the server's shard. A restore runs inside
 * its event's handling: a node that stops in the middle has not acknowledged the event, so the node that holds the
 * shard next sees it again and resumes from the steps recorded.
 */
@Component
@ConditionalOnDiscord
@ShardedSideEffect("backup-worker")
public class BackupWorker implements SideEffectProcessors.SliceHandlers {

    private final Backups backups;

    BackupWorker(Backups backups) {
        this.backups = backups;
    }

    @Override
    public SideEffectProcessors.SliceHandler slice(ShardSlice slice, String processor) {
        return new Slice(slice, processor, backups);
    }

    @DisallowReplay
    record Slice(ShardSlice slice, String processor, Backups backups) implements SideEffectProcessors.SliceHandler {
        @EventHandler
        void on(AutomaticBackupDue e) {
            if (slice.holds(e.guild())) backups.automatic(e);
        }

        @EventHandler
        void on(BackupRequested e) {
            if (slice.holds(e.guild())) backups.requested(e);
        }

        @EventHandler
        void on(RestoreStarted e) {
            if (slice.holds(e.guild())) backups.restore(e);
        }
    }
}
