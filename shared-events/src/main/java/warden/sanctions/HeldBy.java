package warden.sanctions;

import java.time.Instant;

/**
 * Another sanction of the same kind still in force when one ends: Discord's ban or timeout stays, because it is not
 * only the ending sanction's. {@code until} is when that one ends (null: a ban without end).
 */
public record HeldBy(SanctionId sanction, Instant until) {}
