package warden.projection;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;

/** Rows in the text format of PostgreSQL's COPY: tab between columns, a line per row, {@code \N} for null. */
final class CopyText {

    private CopyText() {}

    static byte[] of(List<Object[]> rows) {
        StringBuilder text = new StringBuilder(rows.size() * 256);
        for (Object[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                if (i > 0) text.append('\t');
                value(text, row[i]);
            }
            text.append('\n');
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void value(StringBuilder text, Object value) {
        if (value == null) {
            text.append("\\N");
            return;
        }
        if (value instanceof Boolean b) {
            text.append(b ? 't' : 'f');
            return;
        }
        if (value instanceof OffsetDateTime time) value = toMicros(time);
        String s = value.toString(); // numbers and java.time values print in forms PostgreSQL reads (ISO 8601)
        int plain = 0;
        while (plain < s.length() && !special(s.charAt(plain))) plain++;
        if (plain == s.length()) { // nearly always: no character to escape, the value goes in whole
            text.append(s);
            return;
        }
        text.append(s, 0, plain);
        for (int i = plain; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\' -> text.append("\\\\");
                case '\t' -> text.append("\\t");
                case '\n' -> text.append("\\n");
                case '\r' -> text.append("\\r");
                default -> text.append(c);
            }
        }
    }

    /**
     * PostgreSQL keeps microseconds. The driver rounds a bound time's nanoseconds half up, while PostgreSQL reading
     * nine digits rounds an exact half to even: a COPY must store the instant an insert of the same row would.
     */
    private static OffsetDateTime toMicros(OffsetDateTime time) {
        OffsetDateTime micros = time.truncatedTo(ChronoUnit.MICROS);
        return time.getNano() % 1_000 >= 500 ? micros.plus(1, ChronoUnit.MICROS) : micros;
    }

    private static boolean special(char c) {
        return c == '\\' || c == '\t' || c == '\n' || c == '\r';
    }
}
