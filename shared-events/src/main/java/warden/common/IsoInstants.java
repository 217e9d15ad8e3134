package warden.common;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;

/**
 * Reads the UTC instants that Warden and Axon write ({@code 2026-01-01T00:00:00Z}, {@code 2026-01-01T00:00:00.123Z},
 * up to nine fraction digits) without java.time's general-purpose parser, which allocates a field map per call: on
 * the event store's read path (each event's stored time, each payload's {@code occurredAt}) that parser took about a
 * sixth of the CPU while the read models caught up. Any other form (an offset other than {@code Z}, a leap second, a
 * year outside 0000-9999) is left to the caller's general parser: {@link #parseUtc} then answers {@code null}.
 */
public final class IsoInstants {

    private static final int[] SCALE = {0, 100_000_000, 10_000_000, 1_000_000, 100_000, 10_000, 1_000, 100, 10, 1};

    private IsoInstants() {}

    /** The instant written as {@code yyyy-MM-ddTHH:mm:ss[.fraction]Z}, or {@code null} if the text has another form. */
    public static Instant parseUtc(CharSequence text) {
        int length = text.length();
        if (length < 20
                || length > 30
                || text.charAt(length - 1) != 'Z'
                || text.charAt(4) != '-'
                || text.charAt(7) != '-'
                || text.charAt(10) != 'T'
                || text.charAt(13) != ':'
                || text.charAt(16) != ':') {
            return null;
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 2);
        int day = digits(text, 8, 2);
        int hour = digits(text, 11, 2);
        int minute = digits(text, 14, 2);
        int second = digits(text, 17, 2);
        if (year < 0
                || month < 0
                || day < 0
                || hour < 0
                || hour > 23
                || minute < 0
                || minute > 59
                || second < 0
                || second > 59) {
            return null;
        }
        int nanos = 0;
        if (length > 20) {
            int fraction = length - 21; // between the '.' at 19 and the 'Z'
            if (text.charAt(19) != '.' || fraction < 1 || fraction > 9) return null;
            int value = digits(text, 20, fraction);
            if (value < 0) return null;
            nanos = value * SCALE[fraction];
        }
        long epochDay;
        try {
            epochDay = LocalDate.of(year, month, day).toEpochDay();
        } catch (DateTimeException e) {
            return null; // 2026-02-30 and the like: the general parser gives the error its message
        }
        return Instant.ofEpochSecond(epochDay * 86_400 + hour * 3_600L + minute * 60L + second, nanos);
    }

    /** The decimal number in {@code count} characters from {@code from}, or -1 if one is not an ASCII digit. */
    private static int digits(CharSequence text, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            int digit = text.charAt(i) - '0';
            if (digit < 0 || digit > 9) return -1;
            value = value * 10 + digit;
        }
        return value;
    }
}
