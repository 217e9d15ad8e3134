package warden.common;

/** A value that cannot exist: a malformed id, a percentage of 150, a timeout of 40 days. */
public class InvalidValueException extends LocalizedException {
    public InvalidValueException(String code, Object... args) {
        super(code, args);
    }
}
