package warden.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The fast reading of stored instants agrees with java.time on every form it accepts, and declines the others. */
class IsoInstantsTest {

    @ParameterizedTest
    @CsvSource({
        "2026-01-01T00:00:00Z,            1767225600, 0",
        "1970-01-01T00:00:00Z,            0,          0",
        "1969-12-31T23:59:59.999Z,        -1,         999000000",
        "2024-02-29T12:34:56.7Z,          1709210096, 700000000",
        "2026-12-01T23:30:12.123456789Z,  1796167812, 123456789",
        "0000-01-01T00:00:00Z,            -62167219200, 0",
        "9999-12-31T23:59:59.000000001Z,  253402300799, 1",
    })
    void readsTheFormsWardenAndAxonWrite(String text, long epochSecond, int nanos) {
        assertThat(IsoInstants.parseUtc(text))
                .isEqualTo(Instant.ofEpochSecond(epochSecond, nanos))
                .isEqualTo(DateTimeFormatter.ISO_OFFSET_DATE_TIME.parse(text, Instant::from));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "2026-01-01T00:00:00+02:00",
                "2026-01-01T00:00:00",
                "2026-01-01 00:00:00Z",
                "2026-02-30T00:00:00Z",
                "2026-13-01T00:00:00Z",
                "2026-01-01T24:00:00Z",
                "2026-01-01T23:60:00Z",
                "2016-12-31T23:59:60Z",
                "2026-01-01T00:00:00.Z",
                "2026-01-01T00:00:00.1234567890Z",
                "+12026-01-01T00:00:00Z",
                "2026-01-0aT00:00:00Z",
                "2026-01-01T00:00:00z",
                "",
                "2026-01-01T00:00:00,5Z",
                "２０２６-01-01T00:00:00Z"
            })
    void declinesEveryOtherForm(String text) {
        assertThat(IsoInstants.parseUtc(text)).isNull();
    }

    @Test
    void agreesWithJavaTimeOnRandomInstantsOfEveryPrecision() {
        SplittableRandom random = new SplittableRandom(42);
        for (int i = 0; i < 100_000; i++) {
            Instant instant =
                    Instant.ofEpochSecond(random.nextLong(-62167219200L, 253402300799L), random.nextInt(1_000_000_000));
            if (i % 3 == 0) instant = instant.truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
            if (i % 5 == 0) instant = instant.truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
            String text = DateTimeFormatter.ISO_INSTANT.format(instant);
            assertThat(IsoInstants.parseUtc(text)).as(text).isEqualTo(instant);
        }
    }
}
