package warden.common;

/**
 * What the audit trail files an event under: the searchable columns of its row, beside the whole event kept as JSON.
 * Each event says its own ({@link GuildEvent#audit()}), so the trail needs no list of every feature's events.
 *
 * @param refId          what the event is about: an infraction, a sanction, a backup, a link, a policy version
 * @param infractionType the infraction's type, by name, for infraction events
 * @param sanctionKind   the sanction's kind, by name, for sanction events
 */
public record AuditFacts(String refId, String infractionType, String sanctionKind, Actor actor, String reason) {

    /** An event filed by its type and time only. */
    public static final AuditFacts NONE = new AuditFacts(null, null, null, null, null);

    public static AuditFacts of(String refId, Actor actor, String reason) {
        return new AuditFacts(refId, null, null, actor, reason);
    }

    public static AuditFacts infraction(String refId, Enum<?> type, Actor actor, String reason) {
        return new AuditFacts(refId, type == null ? null : type.name(), null, actor, reason);
    }

    public static AuditFacts sanction(String refId, Enum<?> kind, Actor actor, String reason) {
        return new AuditFacts(refId, null, kind == null ? null : kind.name(), actor, reason);
    }
}
