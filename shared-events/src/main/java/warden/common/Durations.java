package warden.common;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations as people type them ({@code 10m}, {@code 1h30m}, {@code 7d}) or as ISO-8601 ({@code PT1H}). */
public final class Durations {
    private static final Pattern COMPACT =
            Pattern.compile("(?:(\\d{1,5})d)?(?:(\\d{1,6})h)?(?:(\\d{1,7})m)?(?:(\\d{1,9})s)?");

    private Durations() {}

    public static Duration parse(String text) {
        if (text == null || text.isBlank())
            throw new InvalidValueException("error.duration.malformed", String.valueOf(text));
        String value = text.strip().toLowerCase();
        if (value.startsWith("p")) {
            try {
                return Duration.parse(value.toUpperCase());
            } catch (DateTimeParseException e) {
                throw new InvalidValueException("error.duration.malformed", text);
            }
        }
        Matcher m = COMPACT.matcher(value);
        if (!m.matches() || value.isEmpty()) throw new InvalidValueException("error.duration.malformed", text);
        return Duration.ofDays(group(m, 1))
                .plusHours(group(m, 2))
                .plusMinutes(group(m, 3))
                .plusSeconds(group(m, 4));
    }

    /** The compact form, for people: {@code 1h30m}. */
    public static String format(Duration duration) {
        if (duration.isZero()) return "0s";
        StringBuilder out = new StringBuilder();
        long days = duration.toDays();
        if (days > 0) out.append(days).append('d');
        if (duration.toHoursPart() > 0) out.append(duration.toHoursPart()).append('h');
        if (duration.toMinutesPart() > 0) out.append(duration.toMinutesPart()).append('m');
        if (duration.toSecondsPart() > 0) out.append(duration.toSecondsPart()).append('s');
        return out.toString();
    }

    private static long group(Matcher m, int index) {
        return m.group(index) == null ? 0 : Long.parseLong(m.group(index));
    }
}
