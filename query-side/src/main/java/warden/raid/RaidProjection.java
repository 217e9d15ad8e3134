package warden.raid;

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

/** Each server's current or last raid and its accounts, for `/raid` and the API. */
@Component
@ProcessingGroup(LedgerProcessing.GROUP)
class RaidProjection {

    private final JdbcClient db;

    RaidProjection(JdbcClient db) {
        this.db = db;
    }

    @EventHandler
    void on(RaidStarted e) {
        db.sql("""
                        insert into raid(guild_id, raid_id, active, previous_verification, started_at, ended_at) values (?,?,true,?,?,null)
                        on conflict (guild_id) do update set raid_id = excluded.raid_id, active = true,
                            previous_verification = excluded.previous_verification, started_at = excluded.started_at, ended_at = null""")
                .params(e.guild().value(), e.raidId(), e.previousVerification(), toDb(e.occurredAt()))
                .update();
    }

    @EventHandler
    void on(RaidJoinRecorded e) {
        db.sql(
                        "insert into raid_account(guild_id, raid_id, user_id, joined_at) values (?,?,?,?) on conflict do nothing")
                .params(e.guild().value(), e.raidId(), e.account().value(), toDb(e.occurredAt()))
                .update();
    }

    @EventHandler
    void on(RaidEnded e) {
        db.sql("update raid set active = false, ended_at = ? where guild_id = ? and raid_id = ?")
                .params(toDb(e.occurredAt()), e.guild().value(), e.raidId())
                .update();
    }

    @QueryHandler
    RaidStatus handle(FindRaid query) {
        return db.sql(
                        "select raid_id, active, previous_verification, started_at, ended_at from raid where guild_id = ?")
                .param(query.guild().value())
                .query((rs, n) -> {
                    String raidId = rs.getString("raid_id");
                    List<String> accounts = db.sql(
                                    "select user_id from raid_account where guild_id = ? and raid_id = ? order by joined_at, user_id")
                            .params(query.guild().value(), raidId)
                            .query((r, i) -> Long.toUnsignedString(r.getLong(1)))
                            .list();
                    return new RaidStatus(
                            raidId,
                            rs.getBoolean("active"),
                            rs.getString("previous_verification"),
                            fromDb(rs, "started_at"),
                            fromDb(rs, "ended_at"),
                            accounts);
                })
                .optional()
                .orElse(RaidStatus.NONE);
    }

    @ResetHandler
    void reset() {
        db.sql("truncate raid, raid_account").update();
    }
}
