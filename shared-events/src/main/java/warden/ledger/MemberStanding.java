package warden.ledger;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import warden.common.MemberKey;
import warden.sanctions.InfractionType;
import warden.sanctions.SanctionKind;

/**
 * A member's standing at an instant.
 *
 * @param activeInfractions infractions recorded by then and not pardoned by then
 * @param activeSanctions   timeouts and bans in force at that instant
 * @param infractionCounts  active infractions by type
 */
public record MemberStanding(
        MemberKey member,
        Instant at,
        List<Infraction> activeInfractions,
        List<Sanction> activeSanctions,
        Map<InfractionType, Integer> infractionCounts) {

    public record Infraction(
            String infractionId, InfractionType type, String source, String reason, Instant occurredAt) {}

    public record Sanction(
            String sanctionId,
            SanctionKind kind,
            String decidedBy,
            String reason,
            Instant decidedAt,
            Instant expiresAt,
            String status) {}
}
