package warden.sanctions;

import java.time.Duration;

/** Bounds of automatic sanction rules, as the DraftBot documentation states them. */
public final class RuleLimits {
    public static final int MIN_THRESHOLD = 1;
    public static final int MAX_THRESHOLD = 100;
    public static final Duration MIN_WINDOW = Duration.ofMinutes(1);
    public static final Duration MAX_WINDOW = Duration.ofDays(30);
    public static final int MAX_RULES = 10;
    public static final int MAX_RULES_PREMIUM = 50;

    private RuleLimits() {}

    public static int maxRules(boolean premium) {
        return premium ? MAX_RULES_PREMIUM : MAX_RULES;
    }
}
