package warden.backup;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import warden.api.ApiCaller;
import warden.common.CommandRefusedException;
import warden.common.Durations;
import warden.common.GuildId;
import warden.platform.Commands;
import warden.platform.QueryResults;

/**
 * A server's backups over REST: list, read (with the snapshot), ask for one (taken by the node that holds the server's
 * shard), delete, schedule; and the running or last restore. Loading a backup is done on Discord, where the admin
 * reads the plan against the server as it is.
 */
@RestController
@RequestMapping("/api/v1/guilds/{guild}")
class BackupController {

    private final Commands commands;
    private final QueryGateway queries;
    private final SnapshotStore snapshots;
    private final BackupRequests requests;
    private final BackupProperties properties;

    BackupController(
            Commands commands,
            QueryGateway queries,
            SnapshotStore snapshots,
            BackupRequests requests,
            BackupProperties properties) {
        this.commands = commands;
        this.queries = queries;
        this.snapshots = snapshots;
        this.requests = requests;
        this.properties = properties;
    }

    record Backup(BackupSummary backup, ServerSnapshot snapshot) {}

    record BackupRequest(String label) {}

    record Requested(String backupId) {}

    record ScheduleRequest(String every) {}

    record Schedule(String every) {}

    @GetMapping("/backups")
    List<BackupSummary> list(@PathVariable GuildId guild) {
        return QueryResults.join(
                queries.query(new ListBackups(guild), ResponseTypes.multipleInstancesOf(BackupSummary.class)));
    }

    @GetMapping("/backups/{backupId}")
    Backup one(@PathVariable GuildId guild, @PathVariable String backupId) {
        BackupSummary summary = find(guild, backupId);
        return new Backup(summary, snapshots.load(summary.contentHash()).orElse(null));
    }

    /** Accepted: the backup appears under the answered id once the node holding the server's shard has taken it. */
    @PostMapping("/backups")
    @ResponseStatus(HttpStatus.ACCEPTED)
    Requested request(
            @PathVariable GuildId guild,
            @RequestBody(required = false) BackupRequest body,
            @AuthenticationPrincipal ApiCaller caller) {
        return new Requested(requests.request(guild, body == null ? null : body.label(), caller.actor()));
    }

    @DeleteMapping("/backups/{backupId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable GuildId guild, @PathVariable String backupId, @AuthenticationPrincipal ApiCaller caller) {
        BackupSummary summary = find(guild, backupId);
        Boolean stillHeld = commands.sendAndWait(new DeleteBackup(guild, backupId, caller.actor(), Instant.now()));
        if (!Boolean.TRUE.equals(stillHeld)) snapshots.forget(summary.contentHash());
    }

    /** {@code every}: a duration such as {@code 24h}, or null to stop automatic backups. */
    @PutMapping("/backups/schedule")
    Schedule schedule(
            @PathVariable GuildId guild, @RequestBody ScheduleRequest body, @AuthenticationPrincipal ApiCaller caller) {
        Duration every = body == null || body.every() == null ? null : Durations.parse(body.every());
        commands.sendAndWait(
                new ScheduleBackups(guild, every, properties.minInterval(), caller.actor(), Instant.now()));
        return new Schedule(every == null ? null : Durations.format(every));
    }

    @GetMapping("/restore")
    RestoreStatus restore(@PathVariable GuildId guild) {
        return QueryResults.join(queries.query(new FindRestore(guild), ResponseTypes.instanceOf(RestoreStatus.class)));
    }

    private BackupSummary find(GuildId guild, String backupId) {
        return list(guild).stream()
                .filter(b -> b.backupId().equals(backupId))
                .findFirst()
                .orElseThrow(() -> new CommandRefusedException("error.backup.unknown", backupId));
    }
}
