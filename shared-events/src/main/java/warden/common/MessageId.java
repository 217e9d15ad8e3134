package warden.common;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** A Discord message snowflake. */
public record MessageId(long value) {

    public MessageId {
        Snowflake.check("message", value);
    }

    @JsonCreator
    public static MessageId of(String text) {
        return new MessageId(Snowflake.parse("message", text));
    }

    public static MessageId of(long value) {
        return new MessageId(value);
    }

    @JsonValue
    @Override
    public String toString() {
        return Long.toUnsignedString(value);
    }
}
