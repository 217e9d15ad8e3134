package warden.common;

import java.util.Arrays;

/**
 * A refusal a person can act on. {@link #code()} is a key of a message bundle ({@code MessageBundles}) (English and
 * French), {@link #args()} fill its placeholders, so the API and the bot can answer in the caller's language.
 * The plain message (English key and arguments) is for logs only.
 */
public abstract class LocalizedException extends RuntimeException {
    private final String code;
    private final transient Object[] args;

    protected LocalizedException(String code, Object... args) {
        super(code + " " + Arrays.toString(args));
        this.code = code;
        this.args = args.clone();
    }

    public String code() {
        return code;
    }

    public Object[] args() {
        return args.clone();
    }
}
