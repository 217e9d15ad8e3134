package warden.automod;

import java.time.Duration;
import java.util.Collection;
import warden.common.InvalidValueException;

/**
 * Validation helpers of the settings records; every refusal names its field. Settings are validated when a
 * command is made ({@code validate()}), never when they are read back from an event: a limit lowered later must
 * not make history that was valid when written unreadable.
 */
final class Check {
    private Check() {}

    static <T> T orDefault(T value, T fallback) {
        return value == null ? fallback : value;
    }

    static void percent(String field, int value) {
        range(field, value, 1, 100);
    }

    static void range(String field, int value, int min, int max) {
        if (value < min || value > max)
            throw InvalidValueException.forField(field, "error.setting.range", field, min, max, value);
    }

    static void window(String field, Duration value) {
        if (value.compareTo(AutomodLimits.MIN_WINDOW) < 0 || value.compareTo(AutomodLimits.MAX_WINDOW) > 0) {
            throw InvalidValueException.forField(
                    field,
                    "error.setting.window",
                    field,
                    AutomodLimits.MIN_WINDOW.toString(),
                    AutomodLimits.MAX_WINDOW.toString(),
                    value.toString());
        }
    }

    static void size(String field, Collection<?> values, int max) {
        if (values.size() > max)
            throw InvalidValueException.forField(field, "error.setting.tooMany", field, max, values.size());
    }

    /**
     * A module that also blocks through Discord's native AutoMod hands its ignored channels and roles to the rule as
     * exemptions, and Discord takes at most 50 channels and 20 roles.
     */
    static void nativeExemptions(ModuleSettings settings) {
        size("ignoredChannels", settings.ignoredChannels(), AutomodLimits.NATIVE_MAX_EXEMPT_CHANNELS);
        size("ignoredRoles", settings.ignoredRoles(), AutomodLimits.NATIVE_MAX_EXEMPT_ROLES);
    }

    /** What every module has: its ignored channels and roles are bounded. */
    static void common(ModuleSettings settings) {
        size("ignoredChannels", settings.ignoredChannels(), AutomodLimits.MAX_LIST);
        size("ignoredRoles", settings.ignoredRoles(), AutomodLimits.MAX_LIST);
    }
}
