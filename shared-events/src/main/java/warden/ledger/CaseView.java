package warden.ledger;

import java.time.Instant;

/**
 * A case as the moderation log shows it: its number, whom it is about, what it is, who decided it and why, and what
 * became of it.
 *
 * @param what        the sanction's kind or the infraction's type, in lower case ({@code ban}, {@code spam}), or {@code note}
 * @param status      {@code decided}, {@code applied}, {@code failed}, {@code ended}, {@code removed}, {@code pardoned}
 *                    or {@code recorded}
 * @param images      evidence images attached
 */
public record CaseView(
        Long number,
        String refId,
        String kind,
        String userId,
        String what,
        String by,
        String reason,
        Long durationSeconds,
        Instant expiresAt,
        String status,
        String statusReason,
        int images,
        Instant at) {}
