package warden.common;

import java.util.UUID;
import java.util.regex.Pattern;

/** Validation of Warden's own string identifiers (infractions, sanctions, notes, rules). */
public final class Ids {
    public static final int MAX_LENGTH = 256;
    private static final Pattern ALLOWED = Pattern.compile("[A-Za-z0-9:._-]+");

    private Ids() {}

    public static String check(String kind, String value) {
        if (value == null || value.isBlank()) throw new InvalidValueException("error.id.missing", kind);
        if (value.length() > MAX_LENGTH || !ALLOWED.matcher(value).matches()) {
            throw new InvalidValueException("error.id.malformed", kind, value);
        }
        return value;
    }

    public static String random() {
        return UUID.randomUUID().toString();
    }
}
