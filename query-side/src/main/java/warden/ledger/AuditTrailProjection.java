package warden.ledger;

import static warden.platform.Timestamps.toDb;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import warden.common.AuditFacts;
import warden.common.EventJson;
import warden.common.GuildEvent;
import warden.common.MemberEvent;
import warden.projection.Append;
import warden.projection.ProjectionWrites;

/**
 * Appends every guild event to {@code audit_event}: the guild timeline and each member's history, each row filed under
 * the columns the event gives ({@link GuildEvent#audit()}).
 */
@Component
@ProcessingGroup(LedgerProcessing.GROUP)
class AuditTrailProjection {

    private static final Append AUDIT = Append.into(
                    "audit_event",
                    "event_id",
                    "global_index",
                    "guild_id",
                    "user_id",
                    "event_type",
                    "ref_id",
                    "infraction_type",
                    "sanction_kind",
                    "actor",
                    "reason",
                    "occurred_at",
                    "payload::json")
            .eventPositionIn("global_index");

    private final JdbcClient db;
    private final ProjectionWrites writes;
    private final Serializer serializer;

    AuditTrailProjection(JdbcClient db, ProjectionWrites writes, @Qualifier("eventSerializer") Serializer serializer) {
        this.serializer = serializer;
        this.db = db;
        this.writes = writes;
    }

    /** One row per event, which keeps its place in the store ({@link Append#eventPositionIn}). */
    @EventHandler
    void on(GuildEvent event, EventMessage<?> message, @MessageIdentifier String eventId) {
        AuditFacts facts = event.audit();
        writes.append(
                AUDIT,
                eventId,
                event.guild().value(),
                event instanceof MemberEvent m ? m.member().user().value() : null,
                event.getClass().getSimpleName(),
                facts.refId(),
                facts.infractionType(),
                facts.sanctionKind(),
                facts.actor() == null ? null : facts.actor().toString(),
                facts.reason(),
                toDb(event.occurredAt()),
                json(event, message));
    }

    /**
     * The event's JSON as it lies in the store when it was read from there (an upcast event is rewritten), so that a
     * replay does not serialise every event again.
     */
    private String json(GuildEvent event, EventMessage<?> message) {
        String stored = message.serializePayload(serializer, String.class).getData();
        return stored != null ? stored : EventJson.write(event);
    }

    @ResetHandler
    void reset() {
        db.sql("truncate audit_event").update();
    }
}
