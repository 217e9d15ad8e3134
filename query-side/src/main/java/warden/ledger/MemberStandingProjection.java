package warden.ledger;

import static warden.platform.Timestamps.toDb;

import java.time.Instant;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import warden.common.Actor;
import warden.common.EventJson;
import warden.common.MemberKey;
import warden.projection.Append;
import warden.projection.ProjectionWrites;
import warden.sanctions.DiscordActRecorded;
import warden.sanctions.EvidenceImageAttached;
import warden.sanctions.EvidenceImageDetached;
import warden.sanctions.EvidenceTarget;
import warden.sanctions.InfractionPardoned;
import warden.sanctions.InfractionRecorded;
import warden.sanctions.SanctionApplied;
import warden.sanctions.SanctionDecided;
import warden.sanctions.SanctionExpired;
import warden.sanctions.SanctionFailed;
import warden.sanctions.SanctionId;
import warden.sanctions.SanctionLifted;
import warden.sanctions.SanctionRemoved;
import warden.sanctions.SanctionRetimed;
import warden.sanctions.SanctionText;
import warden.sanctions.SanctionTextEdited;

/** The current state of each infraction and sanction, for standings at any time and sanction explanations. */
@Component
@ProcessingGroup(LedgerProcessing.GROUP)
class MemberStandingProjection {

    private static final Append INFRACTION = Append.into(
            "infraction_state",
            "guild_id",
            "user_id",
            "infraction_id",
            "infraction_type",
            "source",
            "reason",
            "evidence::json",
            "occurred_at");

    private final JdbcClient db;
    private final ProjectionWrites writes;

    MemberStandingProjection(JdbcClient db, ProjectionWrites writes) {
        this.db = db;
        this.writes = writes;
    }

    @EventHandler
    void on(InfractionRecorded e) {
        writes.append(
                INFRACTION,
                e.member().guild().value(),
                e.member().user().value(),
                e.infractionId().value(),
                e.type().name(),
                e.by().toString(),
                e.reason(),
                EventJson.write(e.evidence()),
                toDb(e.occurredAt()));
    }

    @EventHandler
    void on(InfractionPardoned e) {
        writes.write(
                "infraction_state",
                """
                        update infraction_state set pardoned_at = ?, pardoned_by = ?, pardon_reason = ?
                        where guild_id = ? and user_id = ? and infraction_id = ?""",
                toDb(e.occurredAt()),
                e.by().toString(),
                e.reason(),
                e.member().guild().value(),
                e.member().user().value(),
                e.infractionId().value());
    }

    @EventHandler
    void on(SanctionDecided e) {
        writes.write(
                "sanction_state",
                """
                        insert into sanction_state(guild_id, user_id, sanction_id, kind, duration_s, decided_by, reason,
                                                   decided_at, expires_at, status, status_at, rule_decision)
                        values (?,?,?,?,?,?,?,?,?,'DECIDED',?,?::jsonb)
                        on conflict do nothing""",
                e.member().guild().value(),
                e.member().user().value(),
                e.sanctionId().value(),
                e.sanction().kind().name(),
                e.sanction().duration() == null ? null : e.sanction().duration().toSeconds(),
                e.decidedBy().toString(),
                e.reason(),
                toDb(e.occurredAt()),
                toDb(e.expiresAt()),
                toDb(e.occurredAt()),
                e.rule() == null ? null : EventJson.write(e.rule()));
    }

    /** An act made on Discord without Warden: a sanction already in force. */
    @EventHandler
    void on(DiscordActRecorded e) {
        writes.write(
                "sanction_state",
                """
                        insert into sanction_state(guild_id, user_id, sanction_id, kind, duration_s, decided_by, reason,
                                                   decided_at, expires_at, status, status_at, rule_decision)
                        values (?,?,?,?,?,?,?,?,?,'APPLIED',?,null)
                        on conflict do nothing""",
                e.member().guild().value(),
                e.member().user().value(),
                e.sanctionId().value(),
                e.sanction().kind().name(),
                e.sanction().duration() == null ? null : e.sanction().duration().toSeconds(),
                e.by().toString(),
                e.reason(),
                toDb(e.occurredAt()),
                toDb(e.expiresAt()),
                toDb(e.occurredAt()));
    }

    @EventHandler
    void on(SanctionApplied e) {
        status(e.member(), e.sanctionId(), "APPLIED", null, e.occurredAt(), false);
    }

    @EventHandler
    void on(SanctionFailed e) {
        status(e.member(), e.sanctionId(), "FAILED", e.reason(), e.occurredAt(), false);
    }

    @EventHandler
    void on(SanctionExpired e) {
        status(e.member(), e.sanctionId(), "EXPIRED", null, e.occurredAt(), true);
    }

    @EventHandler
    void on(SanctionLifted e) {
        status(e.member(), e.sanctionId(), e.cause().name(), describe(e.by(), e.reason()), e.occurredAt(), true);
    }

    @EventHandler
    void on(SanctionTextEdited e) {
        String column = e.field() == SanctionText.REASON ? "reason" : "context";
        writes.write(
                "sanction_state",
                "update sanction_state set " + column + " = ? where guild_id = ? and sanction_id = ?",
                e.after(),
                e.member().guild().value(),
                e.sanctionId().value());
    }

    @EventHandler
    void on(SanctionRetimed e) {
        writes.write(
                "sanction_state",
                "update sanction_state set expires_at = ? where guild_id = ? and sanction_id = ?",
                toDb(e.newEnd()),
                e.member().guild().value(),
                e.sanctionId().value());
    }

    @EventHandler
    void on(EvidenceImageAttached e) {
        writes.write(
                table(e.target()),
                "update " + table(e.target()) + " set images = images || ?::jsonb where guild_id = ? and "
                        + idColumn(e.target()) + " = ?",
                "[" + EventJson.write(e.image()) + "]",
                e.member().guild().value(),
                e.targetId());
    }

    @EventHandler
    void on(EvidenceImageDetached e) {
        writes.write(
                table(e.target()),
                "update " + table(e.target()) + """
                         set images = (select coalesce(jsonb_agg(i), '[]') from jsonb_array_elements(images) i where i->>'sha256' <> ?)
                        where guild_id = ? and """ + " " + idColumn(e.target()) + " = ?",
                e.sha256(),
                e.member().guild().value(),
                e.targetId());
    }

    private static String table(EvidenceTarget target) {
        return target == EvidenceTarget.SANCTION ? "sanction_state" : "infraction_state";
    }

    private static String idColumn(EvidenceTarget target) {
        return target == EvidenceTarget.SANCTION ? "sanction_id" : "infraction_id";
    }

    /** Kept in the table (and the audit trail) but hidden from standings: a removed sanction counts nowhere. */
    @EventHandler
    void on(SanctionRemoved e) {
        writes.write(
                "sanction_state",
                """
                        update sanction_state set removed_at = ?, removed_by = ?, removed_reason = ?, reset_id = ?,
                            ended_at = coalesce(ended_at, ?)
                        where guild_id = ? and sanction_id = ?""",
                toDb(e.occurredAt()),
                e.by().toString(),
                e.reason(),
                e.resetId(),
                toDb(e.occurredAt()),
                e.member().guild().value(),
                e.sanctionId().value());
    }

    private void status(MemberKey member, SanctionId id, String status, String reason, Instant at, boolean ends) {
        writes.write(
                "sanction_state",
                """
                        update sanction_state
                        set status = ?, status_reason = ?, status_at = ?,
                            ended_at = case when ? then ? else ended_at end
                        where guild_id = ? and sanction_id = ?""",
                status,
                reason,
                toDb(at),
                ends,
                toDb(at),
                member.guild().value(),
                id.value());
    }

    private static String describe(Actor by, String reason) {
        return reason == null ? by.toString() : by + ": " + reason;
    }

    @ResetHandler
    void reset() {
        db.sql("truncate infraction_state, sanction_state").update();
    }
}
