package warden.discord;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Names Discord refuses for webhook messages become names it accepts, and still read the same. */
class WebhookNamesTest {

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "Alice · Server        | Alice · Server",
                "Discord Fan · Bravo   | Discоrd Fan · Bravo",
                "discord                | discоrd",
                "DISCORD                | DISCОRD",
                "Clyde                 | Сlyde",
                "myclydediscord        | myсlydediscоrd",
                "'  '                  | Member"
            })
    void namesAreMadeAcceptable(String name, String expected) {
        String safe = WebhookNames.safe(name);
        assertThat(safe.toLowerCase(Locale.ROOT)).doesNotContain("discord").doesNotContain("clyde");
        assertThat(safe.length()).isBetween(1, 80);
        assertThat(safe).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"81", "200"})
    void longNamesAreCut(int length) {
        assertThat(WebhookNames.safe("x".repeat(length))).hasSize(80).endsWith("…");
    }
}
