package warden.ledger;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Answers the moderation log's view of cases from the read models. */
@Component
class CaseViews {

    private final JdbcClient db;

    CaseViews(JdbcClient db) {
        this.db = db;
    }

    @QueryHandler
    List<CaseView> handle(FindCaseViews query) {
        if (query.refIds().isEmpty()) return List.of();
        long guild = query.guild().value();
        String[] ids = query.refIds().toArray(String[]::new);
        List<CaseView> views = new ArrayList<>();
        views.addAll(db.sql("""
                        select s.sanction_id as ref_id, s.user_id, lower(s.kind) as what, s.decided_by as by, s.reason,
                               s.duration_s, s.expires_at, s.status, s.status_reason, s.removed_at, s.decided_at as at,
                               jsonb_array_length(s.images) as images, c.number
                        from sanction_state s left join case_number c on c.guild_id = s.guild_id and c.ref_id = s.sanction_id
                        where s.guild_id = ? and s.sanction_id = any(?)""")
                .params(guild, ids)
                .query((rs, n) -> view(
                        rs,
                        "sanction",
                        rs.getTimestamp("removed_at") != null ? "removed" : lower(rs.getString("status"))))
                .list());
        views.addAll(db.sql("""
                        select i.infraction_id as ref_id, i.user_id, lower(i.infraction_type) as what, i.source as by, i.reason,
                               null::bigint as duration_s, null::timestamptz as expires_at, i.pardoned_at, i.pardon_reason as status_reason,
                               i.occurred_at as at, jsonb_array_length(i.images) as images, c.number
                        from infraction_state i left join case_number c on c.guild_id = i.guild_id and c.ref_id = i.infraction_id
                        where i.guild_id = ? and i.infraction_id = any(?)""")
                .params(guild, ids)
                .query((rs, n) ->
                        view(rs, "infraction", rs.getTimestamp("pardoned_at") != null ? "pardoned" : "recorded"))
                .list());
        views.addAll(db.sql("""
                        select a.ref_id, a.user_id, 'note' as what, a.actor as by, a.reason, null::bigint as duration_s,
                               null::timestamptz as expires_at, null as status_reason, a.occurred_at as at, 0 as images, c.number
                        from audit_event a left join case_number c on c.guild_id = a.guild_id and c.ref_id = a.ref_id
                        where a.guild_id = ? and a.event_type = 'NoteAdded' and a.ref_id = any(?)""")
                .params(guild, ids)
                .query((rs, n) -> view(rs, "note", "recorded"))
                .list());
        return views;
    }

    private static CaseView view(ResultSet rs, String kind, String status) throws SQLException {
        return new CaseView(
                rs.getObject("number") == null ? null : rs.getLong("number"),
                rs.getString("ref_id"),
                kind,
                Long.toUnsignedString(rs.getLong("user_id")),
                rs.getString("what"),
                rs.getString("by"),
                rs.getString("reason"),
                rs.getObject("duration_s") == null ? null : rs.getLong("duration_s"),
                rs.getTimestamp("expires_at") == null
                        ? null
                        : rs.getTimestamp("expires_at").toInstant(),
                status,
                rs.getString("status_reason"),
                rs.getInt("images"),
                rs.getTimestamp("at").toInstant());
    }

    private static String lower(String text) {
        return text == null ? null : text.toLowerCase(java.util.Locale.ROOT);
    }
}
