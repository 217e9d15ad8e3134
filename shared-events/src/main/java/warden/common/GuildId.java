package warden.common;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** A Discord guild snowflake. */
public record GuildId(long value) {

    public GuildId {
        Snowflake.check("guild", value);
    }

    @JsonCreator
    public static GuildId of(String text) {
        return new GuildId(Snowflake.parse("guild", text));
    }

    public static GuildId of(long value) {
        return new GuildId(value);
    }

    @JsonValue
    @Override
    public String toString() {
        return Long.toUnsignedString(value);
    }
}
