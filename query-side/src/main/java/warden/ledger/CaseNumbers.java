package warden.ledger;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import warden.common.MemberKey;
import warden.sanctions.DiscordActRecorded;
import warden.sanctions.InfractionRecorded;
import warden.sanctions.NoteAdded;
import warden.sanctions.SanctionDecided;

/**
 * Gives each infraction, sanction and note the server's next case number, in the order the events come from the
 * store: one processor, one segment, so a server's numbers follow each other without gaps. A replay of the read models
 * does not reset it: a number, once shown, names the same case for ever. The infraction that a warning or an act made on
 * Discord records beside its sanction shares the sanction's number: one act, one case.
 */
@Component
@ProcessingGroup(CaseNumbers.GROUP)
@DisallowReplay // a number once shown names the same case for ever: a replay of the read models keeps them
class CaseNumbers {

    static final String GROUP = "case-numbers";

    private final JdbcClient db;

    CaseNumbers(JdbcClient db) {
        this.db = db;
    }

    @EventHandler
    void on(SanctionDecided e) {
        number(e.member(), e.sanctionId().value(), "sanction");
    }

    @EventHandler
    void on(DiscordActRecorded e) {
        number(e.member(), e.sanctionId().value(), "sanction");
    }

    @EventHandler
    void on(NoteAdded e) {
        number(e.member(), e.noteId().value(), "note");
    }

    @EventHandler
    void on(InfractionRecorded e) {
        String id = e.infractionId().value();
        String sanction = id.startsWith("warn:") ? id.substring("warn:".length()) : id;
        Long shared = numberOf(e.member().guild().value(), sanction);
        if (shared != null) {
            insert(e.member(), id, shared, "infraction");
        } else {
            number(e.member(), id, "infraction");
        }
    }

    @QueryHandler
    Case handle(FindCase query) {
        return db.sql("select number, ref_id, kind, user_id from case_number where guild_id = ? and number = ?"
                        + " order by (kind = ?) desc, ref_id limit 1")
                .params(query.guild().value(), query.number(), String.valueOf(query.kind()))
                .query((rs, n) -> new Case(
                        rs.getLong("number"),
                        rs.getString("ref_id"),
                        rs.getString("kind"),
                        Long.toUnsignedString(rs.getLong("user_id"))))
                .optional()
                .orElse(null);
    }

    @QueryHandler
    java.util.List<Case> handle(FindRecentCases query) {
        return db.sql("select number, ref_id, kind, user_id from case_number where guild_id = ? and kind = ?"
                        + (query.userId() == null
                                ? ""
                                : " and user_id = " + query.userId().longValue())
                        + " order by number desc limit ?")
                .params(query.guild().value(), query.kind(), Math.max(1, Math.min(query.limit(), 25)))
                .query((rs, n) -> new Case(
                        rs.getLong("number"),
                        rs.getString("ref_id"),
                        rs.getString("kind"),
                        Long.toUnsignedString(rs.getLong("user_id"))))
                .list();
    }

    /** The next number, unless this ref has one already (an event handled again keeps its number). */
    private void number(MemberKey member, String refId, String kind) {
        long guild = member.guild().value();
        if (numberOf(guild, refId) != null) return;
        long next = db.sql("""
                        insert into case_counter(guild_id, last) values (?, 1)
                        on conflict (guild_id) do update set last = case_counter.last + 1
                        returning last""").param(guild).query(Long.class).single();
        insert(member, refId, next, kind);
    }

    private void insert(MemberKey member, String refId, long number, String kind) {
        db.sql(
                        "insert into case_number(guild_id, ref_id, number, kind, user_id) values (?,?,?,?,?) on conflict do nothing")
                .params(
                        member.guild().value(),
                        refId,
                        number,
                        kind,
                        member.user().value())
                .update();
    }

    private Long numberOf(long guild, String refId) {
        return db.sql("select number from case_number where guild_id = ? and ref_id = ?")
                .params(guild, refId)
                .query(Long.class)
                .optional()
                .orElse(null);
    }
}
