package warden.automod;

import java.time.Duration;

/** Bounds of automod settings: one place, so that validation, documentation and tests agree. */
public final class AutomodLimits {
    public static final int MAX_WORDS = 5000;
    public static final int MAX_WORD_LENGTH = 100;
    public static final int MAX_LIST = 500;
    public static final int MAX_MESSAGE_LENGTH = 4000;
    public static final Duration MIN_WINDOW = Duration.ofSeconds(1);
    public static final Duration MAX_WINDOW = Duration.ofHours(1);
    public static final int MAX_RATE_LIMIT = 1000;
    /** Discord's native AutoMod keyword rules: at most 1,000 keywords of at most 60 characters per rule. */
    public static final int NATIVE_MAX_KEYWORDS = 1000;

    public static final int NATIVE_MAX_KEYWORD_LENGTH = 60;
    /** Discord's limits on a native AutoMod rule's exempt channels and roles. */
    public static final int NATIVE_MAX_EXEMPT_CHANNELS = 50;

    public static final int NATIVE_MAX_EXEMPT_ROLES = 20;

    private AutomodLimits() {}
}
