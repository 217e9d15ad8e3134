package warden.sanctions;

import java.time.Duration;

/** Bounds of sanction durations; the timeout bound is Discord's own. */
public final class SanctionLimits {
    public static final Duration MIN_TIMEOUT = Duration.ofSeconds(60);
    /** Discord refuses a communication timeout longer than 28 days. */
    public static final Duration MAX_TIMEOUT = Duration.ofDays(28);

    public static final Duration MIN_TEMPORARY_BAN = Duration.ofMinutes(1);
    public static final Duration MAX_TEMPORARY_BAN = Duration.ofDays(365);
    /** Discord deletes at most the last 7 days of a banned member's messages. */
    public static final int MAX_DELETE_MESSAGE_DAYS = 7;

    private SanctionLimits() {}
}
