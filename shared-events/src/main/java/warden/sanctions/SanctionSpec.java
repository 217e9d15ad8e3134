package warden.sanctions;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import warden.common.InvalidValueException;

/**
 * A sanction to carry out: its kind and, for a timeout (required) or a temporary ban (optional), its duration; for a
 * ban, how many days of the member's messages Discord deletes with it (0-7, null for none). The bounds live in
 * {@link SanctionLimits}.
 */
public record SanctionSpec(
        SanctionKind kind,
        Duration duration,

        @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
        Integer deleteMessageDays) {

    public SanctionSpec(SanctionKind kind, Duration duration) {
        this(kind, duration, null);
    }

    /** The same sanction deleting the member's messages of the last {@code days} days (bans only). */
    public SanctionSpec deletingMessages(Integer days) {
        return new SanctionSpec(kind, duration, days == null || days == 0 ? null : days).validate();
    }

    /** Least severe first; a permanent ban beats a temporary one, a longer timeout beats a shorter one. */
    public static final Comparator<SanctionSpec> BY_SEVERITY = Comparator.comparingInt(
                    (SanctionSpec s) -> s.kind().severity())
            .thenComparing(s -> s.duration() == null ? Duration.ofSeconds(Long.MAX_VALUE) : s.duration());

    /**
     * Refuses a sanction beyond today's limits (a timeout of 40 days), naming the field. Called when a command is
     * made, never when a sanction is read back from an event.
     */
    public SanctionSpec validate() {
        if (kind == null) throw InvalidValueException.forField("kind", "error.sanction.kind.missing");
        switch (kind) {
            case TIMEOUT -> {
                if (duration == null)
                    throw InvalidValueException.forField("duration", "error.sanction.duration.required", kind);
                within(duration, SanctionLimits.MIN_TIMEOUT, SanctionLimits.MAX_TIMEOUT);
            }
            case BAN -> {
                if (duration != null)
                    within(duration, SanctionLimits.MIN_TEMPORARY_BAN, SanctionLimits.MAX_TEMPORARY_BAN);
            }
            default -> {
                if (duration != null)
                    throw InvalidValueException.forField("duration", "error.sanction.duration.notAllowed", kind);
            }
        }
        if (deleteMessageDays != null) {
            if (kind != SanctionKind.BAN)
                throw InvalidValueException.forField("deleteMessageDays", "error.sanction.deleteDays.banOnly");
            if (deleteMessageDays < 0 || deleteMessageDays > SanctionLimits.MAX_DELETE_MESSAGE_DAYS) {
                throw InvalidValueException.forField(
                        "deleteMessageDays",
                        "error.sanction.deleteDays.range",
                        SanctionLimits.MAX_DELETE_MESSAGE_DAYS,
                        deleteMessageDays);
            }
        }
        return this;
    }

    /** The factories check at once: they build what a moderator or an admin asks for. */
    public static SanctionSpec of(SanctionKind kind) {
        return new SanctionSpec(kind, null).validate();
    }

    public static SanctionSpec timeout(Duration duration) {
        return new SanctionSpec(SanctionKind.TIMEOUT, duration).validate();
    }

    public static SanctionSpec ban(Duration durationOrNull) {
        return new SanctionSpec(SanctionKind.BAN, durationOrNull).validate();
    }

    private static void within(Duration duration, Duration min, Duration max) {
        if (duration.compareTo(min) < 0 || duration.compareTo(max) > 0) {
            throw InvalidValueException.forField(
                    "duration", "error.sanction.duration.range", min.toString(), max.toString(), duration.toString());
        }
    }

    /** When the sanction ends by itself, or {@code null} if it does not. */
    public Instant expiresAt(Instant from) {
        return duration == null ? null : from.plus(duration);
    }
}
