package warden.backup;

import static warden.platform.Timestamps.fromDb;
import static warden.platform.Timestamps.toDb;

import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import warden.ledger.LedgerProcessing;

/** Each server's backups, and its restores step by step, for `/backup` and the API. */
@Component
@ProcessingGroup(LedgerProcessing.GROUP)
class BackupProjection {

    private final JdbcClient db;

    BackupProjection(JdbcClient db) {
        this.db = db;
    }

    @EventHandler
    void on(BackupTaken e) {
        db.sql("""
                        insert into backup(guild_id, backup_id, label, content_hash, size_bytes, roles, channels, members, automatic, taken_by, taken_at)
                        values (?,?,?,?,?,?,?,?,?,?,?) on conflict do nothing""")
                .params(
                        e.guild().value(),
                        e.backupId(),
                        e.label(),
                        e.contentHash(),
                        e.sizeBytes(),
                        e.roles(),
                        e.channels(),
                        e.members(),
                        e.automatic(),
                        e.by().toString(),
                        toDb(e.occurredAt()))
                .update();
    }

    @EventHandler
    void on(BackupDeleted e) {
        db.sql("delete from backup where guild_id = ? and backup_id = ?")
                .params(e.guild().value(), e.backupId())
                .update();
    }

    @EventHandler
    void on(RestoreStarted e) {
        db.sql(
                        "insert into restore_run(guild_id, restore_id, backup_id, running, total, started_at) values (?,?,?,true,?,?) on conflict do nothing")
                .params(
                        e.guild().value(),
                        e.restoreId(),
                        e.backupId(),
                        e.steps().size(),
                        toDb(e.occurredAt()))
                .update();
        for (RestoreStep step : e.steps()) {
            db.sql(
                            "insert into restore_step(guild_id, restore_id, index, kind, name) values (?,?,?,?,?) on conflict do nothing")
                    .params(
                            e.guild().value(),
                            e.restoreId(),
                            step.index(),
                            step.kind().name(),
                            clip(step.name(), 200))
                    .update();
        }
    }

    @EventHandler
    void on(RestoreStepRecorded e) {
        db.sql("update restore_step set outcome = ?, detail = ? where guild_id = ? and restore_id = ? and index = ?")
                .params(e.outcome().name(), clip(e.detail(), 500), e.guild().value(), e.restoreId(), e.index())
                .update();
    }

    @EventHandler
    void on(RestoreFinished e) {
        db.sql("update restore_run set running = false, finished_at = ? where guild_id = ? and restore_id = ?")
                .params(toDb(e.occurredAt()), e.guild().value(), e.restoreId())
                .update();
    }

    @QueryHandler
    List<BackupSummary> handle(ListBackups query) {
        return db.sql("""
                        select backup_id, label, content_hash, size_bytes, roles, channels, members, automatic, taken_by, taken_at
                        from backup where guild_id = ? order by taken_at desc, backup_id desc""")
                .param(query.guild().value())
                .query((rs, n) -> new BackupSummary(
                        rs.getString("backup_id"),
                        rs.getString("label"),
                        rs.getString("content_hash"),
                        rs.getInt("size_bytes"),
                        rs.getInt("roles"),
                        rs.getInt("channels"),
                        rs.getInt("members"),
                        rs.getBoolean("automatic"),
                        rs.getString("taken_by"),
                        fromDb(rs, "taken_at")))
                .list();
    }

    @QueryHandler
    RestoreStatus handle(FindRestore query) {
        long guild = query.guild().value();
        return db.sql(
                        "select restore_id, backup_id, running, total, started_at, finished_at from restore_run where guild_id = ? order by started_at desc limit 1")
                .param(guild)
                .query((rs, n) -> {
                    String restoreId = rs.getString("restore_id");
                    List<RestoreStatus.Step> steps = db.sql(
                                    "select index, kind, name, outcome, detail from restore_step where guild_id = ? and restore_id = ? order by index")
                            .params(guild, restoreId)
                            .query((r, i) -> new RestoreStatus.Step(
                                    r.getInt("index"),
                                    r.getString("kind"),
                                    r.getString("name"),
                                    r.getString("outcome"),
                                    r.getString("detail")))
                            .list();
                    return new RestoreStatus(
                            restoreId,
                            rs.getString("backup_id"),
                            rs.getBoolean("running"),
                            rs.getInt("total"),
                            count(steps, "DONE"),
                            count(steps, "FAILED"),
                            count(steps, "SKIPPED"),
                            fromDb(rs, "started_at"),
                            fromDb(rs, "finished_at"),
                            steps);
                })
                .optional()
                .orElse(RestoreStatus.NONE);
    }

    private static int count(List<RestoreStatus.Step> steps, String outcome) {
        return (int) steps.stream().filter(s -> outcome.equals(s.outcome())).count();
    }

    private static String clip(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }

    @ResetHandler
    void reset() {
        db.sql("truncate backup, restore_run, restore_step").update();
    }
}
