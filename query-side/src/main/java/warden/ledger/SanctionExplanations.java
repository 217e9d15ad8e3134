package warden.ledger;

import static warden.platform.Timestamps.fromDb;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import warden.common.CommandRefusedException;
import warden.common.EventJson;
import warden.sanctions.InfractionId;
import warden.sanctions.InfractionType;
import warden.sanctions.RuleDecision;
import warden.sanctions.SanctionKind;

/** Explains a sanction from the rule decision it carries and the evidence of each infraction it counted. */
@Component
class SanctionExplanations {

    private final JdbcClient db;

    SanctionExplanations(JdbcClient db) {
        this.db = db;
    }

    private record Row(SanctionExplanation base, long userId, RuleDecision decision) {}

    @QueryHandler
    SanctionExplanation handle(ExplainSanction query) {
        List<SanctionExplanation.Change> changes =
                changes(query.guild().value(), query.sanction().value());
        Row row = db.sql("""
                        select user_id, sanction_id, kind, duration_s, decided_by, reason, decided_at, expires_at, status,
                               status_reason, rule_decision::text as rule_decision, context, removed_at, removed_by,
                               removed_reason, reset_id, images::text as images
                        from sanction_state where guild_id = ? and sanction_id = ?""")
                .params(query.guild().value(), query.sanction().value())
                .query((rs, n) -> new Row(
                        new SanctionExplanation(
                                rs.getString("sanction_id"),
                                Long.toUnsignedString(rs.getLong("user_id")),
                                SanctionKind.valueOf(rs.getString("kind")),
                                rs.getObject("duration_s") == null
                                        ? null
                                        : Duration.ofSeconds(rs.getLong("duration_s")),
                                rs.getString("decided_by"),
                                rs.getString("reason"),
                                fromDb(rs, "decided_at"),
                                fromDb(rs, "expires_at"),
                                rs.getString("status"),
                                rs.getString("status_reason"),
                                null,
                                List.of(),
                                List.of(),
                                rs.getString("context"),
                                changes,
                                rs.getObject("removed_at") == null
                                        ? null
                                        : new SanctionExplanation.Removal(
                                                rs.getString("removed_by"),
                                                rs.getString("removed_reason"),
                                                rs.getString("reset_id"),
                                                fromDb(rs, "removed_at")),
                                images(rs.getString("images"))),
                        rs.getLong("user_id"),
                        EventJson.read(rs.getString("rule_decision"), RuleDecision.class)))
                .optional()
                .orElseThrow(() -> new CommandRefusedException("error.sanction.unknown", query.sanction()));
        SanctionExplanation base = row.base();
        RuleDecision decision = row.decision();
        if (decision == null) return base;
        List<SanctionExplanation.Counted> counted = decision.counted().stream()
                .map(id -> counted(query.guild().value(), row.userId(), id))
                .toList();
        List<Map<String, Object>> outranked = decision.outranked().stream()
                .map(o -> Map.<String, Object>of(
                        "ruleId",
                        o.rule().value(),
                        "sanction",
                        o.sanction().kind().name(),
                        "counted",
                        o.counted().stream().map(InfractionId::value).toList()))
                .toList();
        return new SanctionExplanation(
                base.sanctionId(),
                base.userId(),
                base.kind(),
                base.duration(),
                base.decidedBy(),
                base.reason(),
                base.decidedAt(),
                base.expiresAt(),
                base.status(),
                base.statusReason(),
                new SanctionExplanation.Rule(
                        decision.rule().value(),
                        decision.policyVersion(),
                        decision.countedType(),
                        decision.threshold(),
                        decision.window()),
                counted,
                outranked,
                base.context(),
                base.changes(),
                base.removed(),
                base.images());
    }

    /** The sanction's edits and new ends, from the audit trail (each event keeps the text or end it replaced). */
    private List<SanctionExplanation.Change> changes(long guild, String sanction) {
        return db.sql("""
                        select event_type, payload::text as payload from audit_event
                        where guild_id = ? and ref_id = ? and event_type in ('SanctionTextEdited', 'SanctionRetimed')
                        order by occurred_at, global_index""")
                .params(guild, sanction)
                .query((rs, n) -> {
                    Map<String, Object> e = EventJson.readMap(rs.getString("payload"));
                    boolean edit = rs.getString("event_type").equals("SanctionTextEdited");
                    return new SanctionExplanation.Change(
                            edit ? String.valueOf(e.get("field")) : "END",
                            text(e.get(edit ? "before" : "previousEnd")),
                            text(e.get(edit ? "after" : "newEnd")),
                            actor(e.get("by")),
                            edit ? null : text(e.get("reason")),
                            java.time.Instant.parse(String.valueOf(e.get("occurredAt"))));
                })
                .list();
    }

    private static List<warden.sanctions.EvidenceImage> images(String json) {
        if (json == null) return List.of();
        try {
            return List.of(EventJson.mapper().readValue(json, warden.sanctions.EvidenceImage[].class));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("unreadable evidence images", e);
        }
    }

    private static String actor(Object json) {
        return json == null
                ? null
                : EventJson.mapper()
                        .convertValue(json, warden.common.Actor.class)
                        .toString();
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }

    private SanctionExplanation.Counted counted(long guild, long user, InfractionId id) {
        return db.sql("""
                        select infraction_id, infraction_type, source, reason, occurred_at, pardoned_at, evidence::text as evidence
                        from infraction_state where guild_id = ? and user_id = ? and infraction_id = ?""")
                .params(guild, user, id.value())
                .query((rs, n) -> new SanctionExplanation.Counted(
                        rs.getString("infraction_id"),
                        InfractionType.valueOf(rs.getString("infraction_type")),
                        rs.getString("source"),
                        rs.getString("reason"),
                        fromDb(rs, "occurred_at"),
                        rs.getObject("pardoned_at") != null,
                        EventJson.readMap(rs.getString("evidence"))))
                .optional()
                .orElse(new SanctionExplanation.Counted(id.value(), null, null, null, null, false, Map.of()));
    }
}
