package warden.ledger;

import static warden.platform.Timestamps.fromDb;
import static warden.platform.Timestamps.toDb;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import warden.sanctions.SanctionKind;

/**
 * A server's sanctions with moderators' filters: member, kind, moderator, in force or not, time range, and words of
 * the reason or context found with PostgreSQL's full-text search (English and French stemming, a GIN index).
 */
@Component
class SanctionSearch {

    /** In force: a timeout or ban not ended, not failed, not removed, not past its end. */
    private static final String ACTIVE = """
            (kind in ('TIMEOUT', 'BAN') and ended_at is null and removed_at is null and status <> 'FAILED'
             and (expires_at is null or expires_at > ?))""";

    private final JdbcClient db;

    SanctionSearch(JdbcClient db) {
        this.db = db;
    }

    @QueryHandler
    SanctionPage handle(FindSanctions query) {
        Instant now = Instant.now();
        StringBuilder where = new StringBuilder("guild_id = ?");
        List<Object> params = new ArrayList<>(List.of(query.guild().value()));
        if (query.member() != null) {
            where.append(" and user_id = ?");
            params.add(query.member().value());
        }
        if (query.kind() != null) {
            where.append(" and kind = ?");
            params.add(query.kind().name());
        }
        if (query.moderator() != null) {
            where.append(" and decided_by = ?");
            params.add(query.moderator());
        }
        if (query.active() != null) {
            where.append(query.active() ? " and " : " and not ").append(ACTIVE);
            params.add(toDb(now));
        }
        if (query.from() != null) {
            where.append(" and decided_at >= ?");
            params.add(toDb(query.from()));
        }
        if (query.to() != null) {
            where.append(" and decided_at < ?");
            params.add(toDb(query.to()));
        }
        if (query.text() != null) {
            where.append(" and search @@ (websearch_to_tsquery('english', ?) || websearch_to_tsquery('french', ?))");
            params.add(query.text());
            params.add(query.text());
        }
        if (!query.includeRemoved()) where.append(" and removed_at is null");
        long total = db.sql("select count(*) from sanction_state where " + where)
                .params(params)
                .query(Long.class)
                .single();
        List<Object> pageParams = new ArrayList<>();
        pageParams.add(toDb(now));
        pageParams.addAll(params);
        pageParams.add(query.size());
        pageParams.add((long) query.page() * query.size());
        List<SanctionPage.Entry> entries = db.sql(
                        "select sanction_id, user_id, kind, decided_by, reason, context, decided_at, expires_at,"
                                + " status, removed_at, " + ACTIVE + " as active,"
                                + " (select c.number from case_number c where c.guild_id = sanction_state.guild_id"
                                + " and c.ref_id = sanction_state.sanction_id and c.kind = 'sanction') as case_number"
                                + " from sanction_state where " + where
                                + " order by decided_at desc, sanction_id limit ? offset ?")
                .params(pageParams)
                .query((rs, n) -> new SanctionPage.Entry(
                        rs.getString("sanction_id"),
                        Long.toUnsignedString(rs.getLong("user_id")),
                        SanctionKind.valueOf(rs.getString("kind")),
                        rs.getString("decided_by"),
                        rs.getString("reason"),
                        rs.getString("context"),
                        fromDb(rs, "decided_at"),
                        fromDb(rs, "expires_at"),
                        rs.getString("status"),
                        rs.getBoolean("active"),
                        fromDb(rs, "removed_at"),
                        (Long) rs.getObject("case_number")))
                .list();
        return new SanctionPage(total, query.page(), query.size(), entries);
    }
}
