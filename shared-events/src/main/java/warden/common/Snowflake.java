package warden.common;

/** Discord identifiers are 64-bit snowflakes; they travel as decimal strings because JSON numbers lose precision. */
final class Snowflake {
    private Snowflake() {}

    /** ASCII decimal digits only: Java would also read Arabic-Indic or fullwidth digits, giving one id two spellings. */
    static long parse(String kind, String text) {
        if (text == null || text.isBlank()) throw new InvalidValueException("error.id.missing", kind);
        String digits = text.trim();
        for (int i = 0; i < digits.length(); i++) {
            char c = digits.charAt(i);
            if (c < '0' || c > '9') throw new InvalidValueException("error.id.malformed", kind, text);
        }
        try {
            return check(kind, Long.parseUnsignedLong(digits));
        } catch (NumberFormatException e) {
            throw new InvalidValueException("error.id.malformed", kind, text);
        }
    }

    static long check(String kind, long value) {
        if (value <= 0) throw new InvalidValueException("error.id.malformed", kind, Long.toUnsignedString(value));
        return value;
    }
}
