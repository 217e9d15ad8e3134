package warden.common;

/** Discord identifiers are 64-bit snowflakes; they travel as decimal strings because JSON numbers lose precision. */
final class Snowflake {
    private Snowflake() {
    }

    static long parse(String kind, String text) {
        if (text == null || text.isBlank()) throw new InvalidValueException("error.id.missing", kind);
        try {
            return check(kind, Long.parseUnsignedLong(text.trim()));
        } catch (NumberFormatException e) {
            throw new InvalidValueException("error.id.malformed", kind, text);
        }
    }

    static long check(String kind, long value) {
        if (value <= 0) throw new InvalidValueException("error.id.malformed", kind, Long.toUnsignedString(value));
        return value;
    }
}
