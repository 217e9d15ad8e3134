package warden.ledger;

import java.time.Instant;
import java.util.List;
import warden.sanctions.SanctionKind;

/** One page of a server's sanctions and how many match in all. */
public record SanctionPage(long total, int page, int size, List<Entry> entries) {

    public record Entry(
            String sanctionId,
            String userId,
            SanctionKind kind,
            String decidedBy,
            String reason,
            String context,
            Instant decidedAt,
            Instant expiresAt,
            String status,
            boolean active,
            Instant removedAt,
            Long caseNumber) {}
}
