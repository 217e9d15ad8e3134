package warden.automod;

import warden.common.InvalidValueException;

import java.time.Duration;
import java.util.Collection;

/** Validation helpers of the settings records; every refusal names its field. */
final class Check {
    private Check() {
    }

    static int percent(String field, Integer value, int fallback) {
        return range(field, value, fallback, 1, 100);
    }

    static int range(String field, Integer value, int fallback, int min, int max) {
        int v = value == null ? fallback : value;
        if (v < min || v > max) throw InvalidValueException.forField(field, "error.setting.range", field, min, max, v);
        return v;
    }

    static Duration window(String field, Duration value, Duration fallback) {
        Duration v = value == null ? fallback : value;
        if (v.compareTo(AutomodLimits.MIN_WINDOW) < 0 || v.compareTo(AutomodLimits.MAX_WINDOW) > 0) {
            throw InvalidValueException.forField(field, "error.setting.window", field, AutomodLimits.MIN_WINDOW.toString(),
                    AutomodLimits.MAX_WINDOW.toString(), v.toString());
        }
        return v;
    }

    static void size(String field, Collection<?> values, int max) {
        if (values.size() > max) throw InvalidValueException.forField(field, "error.setting.tooMany", field, max, values.size());
    }
}
