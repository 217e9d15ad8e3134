package warden.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Warden's mapper reads an instant in any form exactly as Jackson's own deserializer does, and refuses what it refuses. */
class UtcInstantDeserializerTest {

    private static final ObjectMapper JACKSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    record Stamped(Instant at) {}

    @ParameterizedTest
    @ValueSource(
            strings = {
                "\"2026-01-01T00:00:00Z\"",
                "\"2026-01-01T00:00:00.123Z\"",
                "\"2026-12-01T23:30:12.123456789Z\"",
                "\"2026-01-01T02:00:00+02:00\"",
                "1767225600",
                "1767225600.5",
                "\"2016-12-31T23:59:60Z\"",
                "null"
            })
    void readsLikeJackson(String value) throws Exception {
        String json = "{\"at\":" + value + "}";
        assertThat(EventJson.read(json, Stamped.class)).isEqualTo(JACKSON.readValue(json, Stamped.class));
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"2026-02-30T00:00:00Z\"", "\"yesterday\"", "true"})
    void refusesWhatJacksonRefuses(String value) {
        String json = "{\"at\":" + value + "}";
        assertThatThrownBy(() -> JACKSON.readValue(json, Stamped.class)).isNotNull();
        assertThatThrownBy(() -> EventJson.read(json, Stamped.class)).isInstanceOf(IllegalStateException.class);
    }
}
