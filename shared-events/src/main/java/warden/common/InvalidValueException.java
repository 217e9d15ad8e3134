package warden.common;

/**
 * A value that cannot exist: a malformed id, a percentage of 150, a timeout of 40 days. {@link #field()} names the
 * offending field when there is one, so that an API client or a form can point at it.
 */
public class InvalidValueException extends LocalizedException {
    private final String field;

    public InvalidValueException(String code, Object... args) {
        this(null, code, args);
    }

    private InvalidValueException(String field, String code, Object... args) {
        super(code, args);
        this.field = field;
    }

    public static InvalidValueException forField(String field, String code, Object... args) {
        return new InvalidValueException(field, code, args);
    }

    public String field() {
        return field;
    }

    /** The same refusal for a field inside {@code parent} ({@code caps} + {@code maxPercent} = {@code caps.maxPercent}). */
    public InvalidValueException within(String parent) {
        return new InvalidValueException(field == null ? parent : parent + "." + field, code(), args());
    }
}
