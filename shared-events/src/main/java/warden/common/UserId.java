package warden.common;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** A Discord user snowflake. */
public record UserId(long value) {

    public UserId {
        Snowflake.check("user", value);
    }

    @JsonCreator
    public static UserId of(String text) {
        return new UserId(Snowflake.parse("user", text));
    }

    public static UserId of(long value) {
        return new UserId(value);
    }

    @JsonValue
    @Override
    public String toString() {
        return Long.toUnsignedString(value);
    }
}
