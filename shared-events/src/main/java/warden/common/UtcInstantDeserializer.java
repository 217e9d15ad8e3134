package warden.common;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.datatype.jsr310.deser.InstantDeserializer;
import java.io.IOException;
import java.time.Instant;

/**
 * Reads an event's instants ({@code occurredAt} and the like) with {@link IsoInstants} when they have the form Warden
 * writes, and with Jackson's own deserializer otherwise (another offset, a number): every event read back has one.
 */
final class UtcInstantDeserializer extends StdScalarDeserializer<Instant> {

    UtcInstantDeserializer() {
        super(Instant.class);
    }

    @Override
    public Instant deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        if (parser.hasToken(JsonToken.VALUE_STRING)) {
            Instant instant = IsoInstants.parseUtc(parser.getText());
            if (instant != null) return instant;
        }
        return InstantDeserializer.INSTANT.deserialize(parser, context);
    }
}
