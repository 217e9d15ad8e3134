package warden.common;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/** Every user-facing text exists in English and in French, and every pattern is a valid MessageFormat. */
class MessageBundlesTest {

    private static Properties load(String name) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = MessageBundlesTest.class.getResourceAsStream("/warden/" + name)) {
            assertThat(in).as(name).isNotNull();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }

    @Test
    void englishAndFrenchHaveTheSameKeys() throws IOException {
        Properties en = load("messages.properties");
        Properties fr = load("messages_fr.properties");
        assertThat(fr.stringPropertyNames()).containsExactlyInAnyOrderElementsOf(en.stringPropertyNames());
    }

    /** Every text goes through MessageFormat, which eats a lone apostrophe (and the placeholders after it). */
    @Test
    void apostrophesAreDoubled() throws IOException {
        for (String bundle : new String[]{"messages.properties", "messages_fr.properties"}) {
            Properties p = load(bundle);
            for (String key : p.stringPropertyNames()) {
                String pattern = p.getProperty(key);
                assertThat(pattern).as(bundle + " " + key).doesNotContainPattern("(?<!')'(?!')");
            }
        }
    }

    @Test
    void everyPatternFormats() throws IOException {
        for (String bundle : new String[]{"messages.properties", "messages_fr.properties"}) {
            Properties p = load(bundle);
            for (String key : p.stringPropertyNames()) {
                String formatted = new MessageFormat(p.getProperty(key)).format(new Object[]{"a", "b", "c", "d"});
                assertThat(formatted).as(bundle + " " + key).isNotBlank();
            }
        }
    }
}
