package warden.ledger;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import warden.sanctions.InfractionType;
import warden.sanctions.SanctionKind;

/**
 * A sanction and its reasons. For a moderator's sanction {@code rule} is null and {@code counted} is empty.
 *
 * @param outranked other rules that fired on the same infraction with a lighter sanction
 * @param context   what moderators keep beside the reason
 * @param changes   every edit of the reason or context and every new end, oldest first
 * @param removed   who took the sanction back and why, or null
 * @param images    the evidence images kept by reference
 */
public record SanctionExplanation(
        String sanctionId,
        String userId,
        SanctionKind kind,
        Duration duration,
        String decidedBy,
        String reason,
        Instant decidedAt,
        Instant expiresAt,
        String status,
        String statusReason,
        Rule rule,
        List<Counted> counted,
        List<Map<String, Object>> outranked,
        String context,
        List<Change> changes,
        Removal removed,
        List<warden.sanctions.EvidenceImage> images) {

    /** One change after the decision: {@code what} is REASON, CONTEXT or END. */
    public record Change(String what, String before, String after, String by, String reason, Instant at) {}

    public record Removal(String by, String reason, String resetId, Instant at) {}

    public record Rule(String ruleId, long policyVersion, InfractionType countedType, int threshold, Duration window) {}

    public record Counted(
            String infractionId,
            InfractionType type,
            String source,
            String reason,
            Instant occurredAt,
            boolean pardoned,
            Map<String, Object> evidence) {}
}
