package warden.common;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** A Discord channel snowflake. */
public record ChannelId(long value) {

    public ChannelId {
        Snowflake.check("channel", value);
    }

    @JsonCreator
    public static ChannelId of(String text) {
        return new ChannelId(Snowflake.parse("channel", text));
    }

    public static ChannelId of(long value) {
        return new ChannelId(value);
    }

    @JsonValue
    @Override
    public String toString() {
        return Long.toUnsignedString(value);
    }
}
