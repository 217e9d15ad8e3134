package warden.sanctions;

import warden.common.InvalidValueException;

/** Mandatory fields of member commands: a missing one is refused where the command is made. */
final class Required {
    private Required() {}

    static void of(Object... values) {
        for (Object value : values) {
            if (value == null) throw new InvalidValueException("error.field.missing");
        }
    }
}
