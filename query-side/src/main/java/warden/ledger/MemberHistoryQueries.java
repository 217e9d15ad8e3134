package warden.ledger;

import static warden.platform.Timestamps.fromDb;
import static warden.platform.Timestamps.toDb;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import warden.common.MemberKey;
import warden.sanctions.InfractionType;
import warden.sanctions.SanctionKind;

/** Answers the ledger's queries from its read models. */
@Component
class MemberHistoryQueries {

    private static final String ENTRY_COLUMNS = """
            a.event_id, a.global_index, a.guild_id, a.user_id, a.event_type, a.ref_id, a.infraction_type,
            a.sanction_kind, a.actor, a.reason, a.occurred_at, a.payload::text as payload,
            (a.event_type = 'InfractionRecorded' and i.pardoned_at is not null) as pardoned, c.number as case_number""";
    private static final String PARDON_JOIN = """
            left join infraction_state i on i.guild_id = a.guild_id and i.user_id = a.user_id
                                        and i.infraction_id = a.ref_id and a.event_type = 'InfractionRecorded'
            left join case_number c on c.guild_id = a.guild_id and c.ref_id = a.ref_id""";

    private static final RowMapper<HistoryEntry> ENTRY = (rs, n) -> new HistoryEntry(
            rs.getString("event_id"),
            rs.getLong("global_index"),
            Long.toUnsignedString(rs.getLong("guild_id")),
            rs.getObject("user_id") == null ? null : Long.toUnsignedString(rs.getLong("user_id")),
            rs.getString("event_type"),
            rs.getString("ref_id"),
            rs.getString("infraction_type") == null ? null : InfractionType.valueOf(rs.getString("infraction_type")),
            rs.getString("sanction_kind") == null ? null : SanctionKind.valueOf(rs.getString("sanction_kind")),
            rs.getString("actor"),
            rs.getString("reason"),
            fromDb(rs, "occurred_at"),
            rs.getBoolean("pardoned"),
            rs.getObject("case_number") == null ? null : rs.getLong("case_number"),
            rs.getString("payload"));

    private final JdbcClient db;

    MemberHistoryQueries(JdbcClient db) {
        this.db = db;
    }

    @QueryHandler
    HistoryPage handle(FindInfractionLog query) {
        List<Object> params = new ArrayList<>();
        StringBuilder where = new StringBuilder("a.guild_id = ? and a.user_id = ?");
        params.add(query.member().guild().value());
        params.add(query.member().user().value());
        if (!query.types().isEmpty()) {
            where.append(" and a.infraction_type in (")
                    .append(query.types().stream().map(t -> "?").collect(Collectors.joining(",")))
                    .append(")");
            query.types().stream().map(Enum::name).sorted().forEach(params::add);
        }
        appendRange(where, params, query.from(), query.to());
        List<Object> pageParams = new ArrayList<>(params);
        pageParams.add(query.size());
        pageParams.add((long) query.page() * query.size());
        pageParams.addAll(params);
        // one round trip: the total comes with each row of the page. The page is cut first, in the index's order, and
        // only its rows are joined and read whole; the total is counted from the index: a member with a long history
        // then reads a page's rows, not all of them
        long[] total = {-1};
        List<HistoryEntry> entries = db.sql(
                        "select " + ENTRY_COLUMNS + ", t.total from (select * from audit_event a where " + where
                                + " order by a.occurred_at desc, a.global_index desc limit ? offset ?) a " + PARDON_JOIN
                                + " cross join (select count(*) as total from audit_event a where " + where + ") t"
                                + " order by a.occurred_at desc, a.global_index desc")
                .params(pageParams)
                .query((rs, n) -> {
                    total[0] = rs.getLong("total");
                    return ENTRY.mapRow(rs, n);
                })
                .list();
        if (total[0] < 0) { // a page past the end holds no row to carry the total
            total[0] = query.page() == 0
                    ? 0
                    : db.sql("select count(*) from audit_event a where " + where)
                            .params(params)
                            .query(Long.class)
                            .single();
        }
        return new HistoryPage(entries, query.page(), query.size(), total[0]);
    }

    @QueryHandler
    TimelinePage handle(FindGuildTimeline query) {
        List<Object> params = new ArrayList<>();
        StringBuilder where = new StringBuilder("a.guild_id = ?");
        params.add(query.guild().value());
        appendRange(where, params, query.from(), query.to());
        if (query.cursor() != null) {
            where.append(" and (a.occurred_at, a.global_index) < (?, ?)");
            params.add(toDb(query.cursor().occurredAt()));
            params.add(query.cursor().position());
        }
        params.add(query.limit() + 1);
        List<HistoryEntry> rows = db.sql("select " + ENTRY_COLUMNS + " from audit_event a " + PARDON_JOIN + " where "
                        + where + " order by a.occurred_at desc, a.global_index desc limit ?")
                .params(params)
                .query(ENTRY)
                .list();
        if (rows.size() <= query.limit()) return new TimelinePage(rows, null);
        List<HistoryEntry> page = rows.subList(0, query.limit());
        HistoryEntry last = page.get(page.size() - 1);
        return new TimelinePage(List.copyOf(page), new TimelineCursor(last.occurredAt(), last.position()).encode());
    }

    @QueryHandler
    MemberStanding handle(FindMemberStanding query) {
        MemberKey member = query.member();
        var at = toDb(query.at());
        List<MemberStanding.Infraction> infractions = db.sql("""
                        select infraction_id, infraction_type, source, reason, occurred_at from infraction_state
                        where guild_id = ? and user_id = ? and occurred_at <= ?
                          and (pardoned_at is null or pardoned_at > ?)
                        order by occurred_at desc, infraction_id""")
                .params(member.guild().value(), member.user().value(), at, at)
                .query((rs, n) -> new MemberStanding.Infraction(
                        rs.getString("infraction_id"),
                        InfractionType.valueOf(rs.getString("infraction_type")),
                        rs.getString("source"),
                        rs.getString("reason"),
                        fromDb(rs, "occurred_at")))
                .list();
        List<MemberStanding.Sanction> sanctions = db.sql("""
                        select sanction_id, kind, decided_by, reason, decided_at, expires_at, status from sanction_state
                        where guild_id = ? and user_id = ? and kind in ('TIMEOUT', 'BAN') and decided_at <= ?
                          and (expires_at is null or expires_at > ?)
                          and (ended_at is null or ended_at > ?)
                          and (removed_at is null or removed_at > ?)
                          and not (status = 'FAILED' and status_at <= ?)
                        order by decided_at desc, sanction_id""")
                .params(member.guild().value(), member.user().value(), at, at, at, at, at)
                .query((rs, n) -> new MemberStanding.Sanction(
                        rs.getString("sanction_id"),
                        SanctionKind.valueOf(rs.getString("kind")),
                        rs.getString("decided_by"),
                        rs.getString("reason"),
                        fromDb(rs, "decided_at"),
                        fromDb(rs, "expires_at"),
                        rs.getString("status")))
                .list();
        Map<InfractionType, Integer> counts = new EnumMap<>(InfractionType.class);
        infractions.forEach(i -> counts.merge(i.type(), 1, Integer::sum));
        return new MemberStanding(member, query.at(), infractions, sanctions, counts);
    }

    private static void appendRange(StringBuilder where, List<Object> params, Instant from, Instant to) {
        if (from != null) {
            where.append(" and a.occurred_at >= ?");
            params.add(toDb(from));
        }
        if (to != null) {
            where.append(" and a.occurred_at < ?");
            params.add(toDb(to));
        }
    }
}
