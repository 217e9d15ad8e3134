package warden.ledger;

import warden.sanctions.InfractionType;
import warden.sanctions.SanctionKind;

import java.time.Instant;
import java.util.Map;

/**
 * One event of the history, as moderators read it.
 *
 * @param pardoned for an infraction: whether it has been pardoned since
 * @param details  the whole event, as stored
 */
public record HistoryEntry(String eventId, long position, String guildId, String userId, String eventType, String refId,
                           InfractionType infractionType, SanctionKind sanctionKind, String actor, String reason,
                           Instant occurredAt, boolean pardoned, Map<String, Object> details) {
}
