package warden.ledger;

import com.fasterxml.jackson.annotation.JsonRawValue;
import java.time.Instant;
import warden.sanctions.InfractionType;
import warden.sanctions.SanctionKind;

/**
 * One event of the history, as moderators read it.
 *
 * @param pardoned   for an infraction: whether it has been pardoned since
 * @param caseNumber the server's number of the case the entry is about ({@code #42}), when it has one
 * @param details  the whole event, as stored: its JSON text, written out as it is (a JSON object in the answer), so
 *                 that a page of history is not parsed and written again entry by entry
 */
public record HistoryEntry(
        String eventId,
        long position,
        String guildId,
        String userId,
        String eventType,
        String refId,
        InfractionType infractionType,
        SanctionKind sanctionKind,
        String actor,
        String reason,
        Instant occurredAt,
        boolean pardoned,
        Long caseNumber,
        @JsonRawValue String details) {}
