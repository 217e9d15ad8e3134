package warden.backup;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.entities.Member;
import net.dv8tion.jda.api.entities.channel.middleman.GuildMessageChannel;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import warden.common.Actor;
import warden.common.CommandRefusedException;
import warden.common.GuildId;
import warden.config.GuildPolicies;
import warden.discord.ConditionalOnDiscord;
import warden.discord.DiscordGuilds;
import warden.discord.GuildTexts;
import warden.platform.Commands;
import warden.platform.QueryResults;

/**
 * Backups and restores on Discord: capture a server, store its snapshot and record the backup; compute the plan that
 * would restore one; carry a confirmed plan out step by step, recording each outcome, and take it up again where it
 * stopped after a restart.
 */
@Component
@ConditionalOnDiscord
public class Backups implements org.springframework.beans.factory.DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(Backups.class);
    private static final Duration MEMBER_LOAD = Duration.ofSeconds(30);

    private final Commands commands;
    private final QueryGateway queries;
    private final SnapshotStore snapshots;
    private final BackupProperties properties;
    private final GuildPolicies policies;
    private final GuildTexts texts;
    private final DiscordGuilds guilds;
    /** One thread per restore under way; at most one per shard this node holds, as each processor runs one at a time. */
    private final ExecutorService restoreThreads = Executors.newCachedThreadPool(daemonThreads());
    /** Set as the node begins to stop: a restore under way stops between two steps and resumes after the restart. */
    private volatile boolean stopping;

    Backups(
            Commands commands,
            QueryGateway queries,
            SnapshotStore snapshots,
            BackupProperties properties,
            GuildPolicies policies,
            GuildTexts texts,
            DiscordGuilds guilds) {
        this.commands = commands;
        this.queries = queries;
        this.snapshots = snapshots;
        this.properties = properties;
        this.policies = policies;
        this.texts = texts;
        this.guilds = guilds;
    }

    @EventListener(ContextClosedEvent.class)
    void stopping() {
        stopping = true;
    }

    /** A backup as it was recorded: {@code taken} false when an unchanged server kept its last automatic backup. */
    public record Taken(String backupId, boolean taken, ServerSnapshot snapshot, int sizeBytes) {}

    public Taken take(Guild guild, String label, boolean automatic, Actor by) {
        return take(guild, newId(), label, automatic, by);
    }

    static String newId() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    Taken take(Guild guild, String backupId, String label, boolean automatic, Actor by) {
        GuildId id = GuildId.of(guild.getIdLong());
        ServerSnapshot snapshot = capture(guild);
        SnapshotStore.Stored stored = snapshots.store(id, snapshot);
        int limit = properties.limit(policies.current(id).premium());
        String recorded = commands.sendAndWait(new TakeBackup(
                id,
                backupId,
                label,
                stored.contentHash(),
                stored.sizeBytes(),
                snapshot.roles().size(),
                snapshot.channels().size(),
                snapshot.memberRoles().size(),
                automatic,
                limit,
                by,
                Instant.now()));
        return new Taken(recorded, recorded.equals(backupId), snapshot, stored.sizeBytes());
    }

    ServerSnapshot capture(Guild guild) {
        List<Member> members = guild.loadMembers().setTimeout(MEMBER_LOAD).get();
        return ServerCapture.capture(guild, members);
    }

    public List<BackupSummary> list(GuildId guild) {
        return QueryResults.join(
                queries.query(new ListBackups(guild), ResponseTypes.multipleInstancesOf(BackupSummary.class)));
    }

    /** A backup by id, or the newest one for {@code latest}. */
    public BackupSummary find(GuildId guild, String backupId) {
        List<BackupSummary> all = list(guild);
        if (LATEST.equalsIgnoreCase(backupId) && !all.isEmpty()) return all.get(0);
        return all.stream()
                .filter(b -> b.backupId().equals(backupId))
                .findFirst()
                .orElseThrow(() -> new CommandRefusedException("error.backup.unknown", backupId));
    }

    public static final String LATEST = "latest";

    /** Deletes a backup; answers with its id. */
    public String delete(GuildId guild, String backupId, Actor by) {
        BackupSummary backup = find(guild, backupId);
        boolean stillHeld = commands.sendAndWait(new DeleteBackup(guild, backup.backupId(), by, Instant.now()));
        if (!stillHeld) snapshots.forget(backup.contentHash());
        return backup.backupId();
    }

    public void schedule(GuildId guild, Duration every, Actor by) {
        commands.sendAndWait(new ScheduleBackups(guild, every, properties.minInterval(), by, Instant.now()));
    }

    /** What restoring a backup would do now. */
    public List<RestoreStep> plan(Guild guild, BackupSummary backup, RestoreOptions options) {
        ServerSnapshot snapshot = snapshots
                .load(backup.contentHash())
                .orElseThrow(() -> new CommandRefusedException("error.backup.unknown", backup.backupId()));
        return RestorePlanner.plan(snapshot, capture(guild), options);
    }

    /** Records the plan as the restore to run; the node holding the server's shard runs it. */
    public String startRestore(
            Guild guild, String backupId, RestoreOptions options, List<RestoreStep> steps, String channel, Actor by) {
        String restoreId = newId();
        return commands.sendAndWait(new StartRestore(
                GuildId.of(guild.getIdLong()), restoreId, backupId, options, steps, channel, by, Instant.now()));
    }

    public RestoreStatus restoreStatus(GuildId guild) {
        return QueryResults.join(queries.query(new FindRestore(guild), ResponseTypes.instanceOf(RestoreStatus.class)));
    }

    /** Takes the backup the schedule asked for; a server Warden left, or one at its limit, is logged and skipped. */
    void automatic(AutomaticBackupDue e) {
        Guild guild = guilds.find(e.guild()).orElse(null);
        if (guild == null) return;
        try {
            Taken taken = take(guild, texts.stored("backup.automaticLabel"), true, Actor.system("backup-schedule"));
            log.info(
                    "Automatic backup of guild {}: {}",
                    guild.getId(),
                    taken.taken() ? "taken " + taken.backupId() : "unchanged");
        } catch (CommandRefusedException refused) {
            log.info("Automatic backup of guild {} skipped: {}", guild.getId(), refused.getMessage());
        }
    }

    /** Takes a backup asked for over the API, under the id the API answered with. */
    void requested(BackupRequested e) {
        Guild guild = guilds.find(e.guild()).orElse(null);
        if (guild == null) return;
        try {
            take(guild, e.backupId(), e.label(), false, e.by());
        } catch (CommandRefusedException refused) {
            log.info("Requested backup {} of guild {} refused: {}", e.backupId(), guild.getId(), refused.getMessage());
        }
    }

    /**
     * Carries out a restore's remaining steps, then reports in the channel it was confirmed in. It runs on a thread of
     * its own while the processor waits: commands sent from the processor's thread would join its unit of work and be
     * stored only when the whole restore ends, and a node stopping in the middle would lose every step's record.
     */
    void restore(RestoreStarted e) {
        try {
            CompletableFuture.runAsync(() -> runRestore(e), restoreThreads).join();
        } catch (CompletionException failed) {
            if (failed.getCause() instanceof RuntimeException cause) throw cause;
            throw failed;
        }
    }

    @Override
    public void destroy() {
        restoreThreads.shutdown();
    }

    private static java.util.concurrent.ThreadFactory daemonThreads() {
        var threads = new org.springframework.scheduling.concurrent.CustomizableThreadFactory("restore-");
        threads.setDaemon(true);
        return threads;
    }

    private void runRestore(RestoreStarted e) {
        Guild guild = guilds.find(e.guild()).orElse(null);
        RestoreProgress progress = commands.sendAndWait(new ResumeRestore(e.guild(), e.restoreId(), Instant.now()));
        if (!progress.running()) return; // already finished (this event seen again)
        if (guild == null) {
            for (RestoreStep step : e.steps()) {
                if (!progress.ended().contains(step.index()))
                    record(e, step, new RestoreRunner.Result(StepOutcome.FAILED, null, "Warden is not in the server"));
            }
            commands.sendAndWait(new FinishRestore(e.guild(), e.restoreId(), Instant.now()));
            return;
        }
        ServerSnapshot backup = snapshots.load(e.contentHash()).orElse(null);
        Map<String, String> created = new HashMap<>(progress.created());
        RestoreRunner runner =
                backup == null ? null : new RestoreRunner(guild, backup, created, texts.stored("audit.restore"));
        for (RestoreStep step : e.steps()) {
            if (progress.ended().contains(step.index())) continue;
            if (stopping)
                throw new IllegalStateException(
                        "Node stopping: restore " + e.restoreId() + " resumes after the restart");
            record(
                    e,
                    step,
                    runner == null
                            ? new RestoreRunner.Result(StepOutcome.FAILED, null, "The backup's snapshot is gone")
                            : runner.run(step));
        }
        RestoreFinished finished = commands.sendAndWait(new FinishRestore(e.guild(), e.restoreId(), Instant.now()));
        if (finished != null) report(guild, finished, e.channel());
    }

    private void record(RestoreStarted e, RestoreStep step, RestoreRunner.Result result) {
        commands.sendAndWait(new RecordRestoreStep(
                e.guild(),
                e.restoreId(),
                step.index(),
                result.outcome(),
                result.createdId(),
                result.detail(),
                Instant.now()));
    }

    private void report(Guild guild, RestoreFinished finished, String confirmedIn) {
        GuildMessageChannel channel =
                confirmedIn == null ? null : guild.getChannelById(GuildMessageChannel.class, confirmedIn);
        if (channel == null) channel = guild.getSystemChannel();
        if (channel == null
                || !guild.getSelfMember().hasPermission(channel, Permission.VIEW_CHANNEL, Permission.MESSAGE_SEND))
            return;
        channel.sendMessage(texts.in(
                        guild,
                        "restore.finished",
                        finished.restoreId(),
                        finished.done(),
                        finished.failed(),
                        finished.skipped()))
                .setAllowedMentions(List.of())
                .queue(null, error -> log.debug("Restore report not sent: {}", error.getMessage()));
    }
}
