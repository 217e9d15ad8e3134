package warden.backup;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import warden.common.Actor;
import warden.common.CommandRefusedException;
import warden.common.GuildId;
import warden.common.InvalidValueException;

/**
 * A server's backups and restores: which backups exist (within the server's limit), the automatic schedule, and the
 * restore under way with the outcome of each of its steps. Backups and restores share one boundary because a restore
 * must start from a backup that exists, and only one restore may run at a time.
 */
@Aggregate
public class ServerBackup {

    private static final Actor ROTATION = Actor.system("backup-rotation");

    private record Kept(String contentHash, boolean automatic) {}

    @AggregateIdentifier
    private String id;

    private GuildId guild;
    /** Backups by id, oldest first. */
    private final Map<String, Kept> backups = new LinkedHashMap<>();

    private Duration every;
    private String restoreId;
    private int restoreSteps;
    private final Set<Integer> ended = new HashSet<>();
    private final Map<String, String> created = new HashMap<>();
    private final Map<Integer, String> stepTargets = new HashMap<>();
    private int done;
    private int failed;
    private int skipped;

    protected ServerBackup() {
        // for Axon
    }

    /** Answers with the id of the backup that holds the server as it is (an unchanged server's last automatic one). */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    String handle(TakeBackup cmd) {
        if (backups.containsKey(cmd.backupId())) return cmd.backupId();
        if (cmd.automatic() && !backups.isEmpty()) {
            String latest = backups.keySet().stream().reduce((a, b) -> b).orElseThrow();
            if (backups.get(latest).contentHash().equals(cmd.contentHash())) return latest;
        }
        if (backups.size() >= cmd.limit()) {
            String oldestAutomatic = backups.entrySet().stream()
                    .filter(e -> e.getValue().automatic())
                    .map(Map.Entry::getKey)
                    .findFirst()
                    .orElse(null);
            if (!cmd.automatic() || oldestAutomatic == null)
                throw new CommandRefusedException("error.backup.limit", cmd.limit());
            apply(new BackupDeleted(cmd.guild(), oldestAutomatic, ROTATION, cmd.occurredAt()));
        }
        apply(new BackupTaken(
                cmd.guild(),
                cmd.backupId(),
                cmd.label(),
                cmd.contentHash(),
                cmd.sizeBytes(),
                cmd.roles(),
                cmd.channels(),
                cmd.members(),
                cmd.automatic(),
                cmd.by(),
                cmd.occurredAt()));
        return cmd.backupId();
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(RequestBackup cmd) {
        if (backups.size() >= cmd.limit()) throw new CommandRefusedException("error.backup.limit", cmd.limit());
        apply(new BackupRequested(cmd.guild(), cmd.backupId(), cmd.label(), cmd.by(), cmd.occurredAt()));
    }

    /** Answers whether another backup of the server still holds the same snapshot (then its content must stay). */
    @CommandHandler
    boolean handle(DeleteBackup cmd) {
        Kept kept = backups.get(cmd.backupId());
        if (kept == null) throw new CommandRefusedException("error.backup.unknown", cmd.backupId());
        apply(new BackupDeleted(cmd.guild(), cmd.backupId(), cmd.by(), cmd.occurredAt()));
        return backups.values().stream().anyMatch(k -> k.contentHash().equals(kept.contentHash()));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(ScheduleBackups cmd, DeadlineManager deadlines) {
        if (cmd.every() != null
                && (cmd.every().isNegative()
                        || cmd.minimum() != null && cmd.every().compareTo(cmd.minimum()) < 0)) {
            throw InvalidValueException.forField(
                    "every", "error.backup.every", warden.common.Durations.format(cmd.minimum()));
        }
        deadlines.cancelAll(BackupDeadline.NAME);
        apply(new BackupScheduleChanged(cmd.guild(), cmd.every(), cmd.by(), cmd.occurredAt()));
        if (cmd.every() != null)
            deadlines.schedule(
                    cmd.occurredAt().plus(cmd.every()), BackupDeadline.NAME, new BackupDeadline(cmd.guild()));
    }

    @DeadlineHandler(deadlineName = BackupDeadline.NAME)
    void on(BackupDeadline due, @Timestamp Instant dueAt, DeadlineManager deadlines) {
        if (every == null) return;
        apply(new AutomaticBackupDue(guild, dueAt));
        // the next one counts from now: after downtime, a late deadline makes one backup, not a backlog of them
        deadlines.schedule(every, BackupDeadline.NAME, new BackupDeadline(guild));
    }

    @CommandHandler
    String handle(StartRestore cmd) {
        if (restoreId != null) throw new CommandRefusedException("error.backup.restoreRunning", restoreId);
        Kept kept = backups.get(cmd.backupId());
        if (kept == null) throw new CommandRefusedException("error.backup.unknown", cmd.backupId());
        apply(new RestoreStarted(
                cmd.guild(),
                cmd.restoreId(),
                cmd.backupId(),
                kept.contentHash(),
                cmd.options(),
                cmd.steps(),
                cmd.channel(),
                cmd.by(),
                cmd.occurredAt()));
        return cmd.restoreId();
    }

    @CommandHandler
    RestoreProgress handle(ResumeRestore cmd) {
        if (!cmd.restoreId().equals(restoreId)) return new RestoreProgress(false, Set.of(), Map.of());
        if (!ended.isEmpty())
            apply(new RestoreResumed(cmd.guild(), restoreId, restoreSteps - ended.size(), cmd.occurredAt()));
        return new RestoreProgress(true, Set.copyOf(ended), Map.copyOf(created));
    }

    @CommandHandler
    void handle(RecordRestoreStep cmd) {
        if (!cmd.restoreId().equals(restoreId) || ended.contains(cmd.index())) return;
        if (cmd.index() < 0 || cmd.index() >= restoreSteps)
            throw InvalidValueException.forField("index", "error.field.missing");
        apply(new RestoreStepRecorded(
                cmd.guild(), restoreId, cmd.index(), cmd.outcome(), cmd.createdId(), cmd.detail(), cmd.occurredAt()));
    }

    /** Answers with the restore's counts, or null when it had already finished. */
    @CommandHandler
    RestoreFinished handle(FinishRestore cmd) {
        if (!cmd.restoreId().equals(restoreId)) return null;
        RestoreFinished finished = new RestoreFinished(cmd.guild(), restoreId, done, failed, skipped, cmd.occurredAt());
        apply(finished);
        return finished;
    }

    @EventSourcingHandler
    void on(BackupTaken e) {
        id = ServerBackupIds.of(e.guild());
        guild = e.guild();
        backups.put(e.backupId(), new Kept(e.contentHash(), e.automatic()));
    }

    @EventSourcingHandler
    void on(BackupRequested e) {
        id = ServerBackupIds.of(e.guild());
        guild = e.guild();
    }

    @EventSourcingHandler
    void on(BackupDeleted e) {
        backups.remove(e.backupId());
    }

    @EventSourcingHandler
    void on(BackupScheduleChanged e) {
        id = ServerBackupIds.of(e.guild());
        guild = e.guild();
        every = e.every();
    }

    @EventSourcingHandler
    void on(RestoreStarted e) {
        restoreId = e.restoreId();
        restoreSteps = e.steps().size();
        ended.clear();
        created.clear();
        stepTargets.clear();
        e.steps().forEach(s -> stepTargets.put(s.index(), s.target()));
        done = failed = skipped = 0;
    }

    @EventSourcingHandler
    void on(RestoreStepRecorded e) {
        ended.add(e.index());
        switch (e.outcome()) {
            case DONE -> done++;
            case FAILED -> failed++;
            case SKIPPED -> skipped++;
        }
        if (e.createdId() != null) created.put(stepTargets.get(e.index()), e.createdId());
    }

    @EventSourcingHandler
    void on(RestoreFinished e) {
        restoreId = null;
    }
}
