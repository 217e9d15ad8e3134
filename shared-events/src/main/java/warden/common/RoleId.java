package warden.common;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** A Discord role snowflake. */
public record RoleId(long value) {

    public RoleId {
        Snowflake.check("role", value);
    }

    @JsonCreator
    public static RoleId of(String text) {
        return new RoleId(Snowflake.parse("role", text));
    }

    public static RoleId of(long value) {
        return new RoleId(value);
    }

    @JsonValue
    @Override
    public String toString() {
        return Long.toUnsignedString(value);
    }
}
