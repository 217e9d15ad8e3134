package warden.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every feature's texts exist in English and in French, every pattern is a valid MessageFormat, and no key is in two
 * bundles (whichever was read first would win).
 */
class MessageBundlesTest {

    static List<String> bundles() {
        return MessageBundles.basenames();
    }

    private static Properties load(String basename, String suffix) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = MessageBundlesTest.class.getResourceAsStream("/" + basename + suffix + ".properties")) {
            assertThat(in).as(basename + suffix).isNotNull();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }

    @Test
    void everyFeatureHasItsBundleAndNoKeyIsInTwo() throws IOException {
        assertThat(bundles())
                .contains(
                        "warden/messages",
                        "warden/automod/messages",
                        "warden/sanctions/messages",
                        "warden/federation/messages");
        Map<String, String> owner = new HashMap<>();
        for (String bundle : bundles()) {
            for (String key : load(bundle, "").stringPropertyNames()) {
                String before = owner.put(key, bundle);
                assertThat(before)
                        .as(key + " is in " + before + " and in " + bundle)
                        .isNull();
            }
        }
        assertThat(owner).hasSizeGreaterThan(400);
    }

    @ParameterizedTest
    @MethodSource("bundles")
    void englishAndFrenchHaveTheSameKeys(String bundle) throws IOException {
        assertThat(load(bundle, "_fr").stringPropertyNames())
                .containsExactlyInAnyOrderElementsOf(load(bundle, "").stringPropertyNames());
    }

    /** Every text goes through MessageFormat, which eats a lone apostrophe (and the placeholders after it). */
    @ParameterizedTest
    @MethodSource("bundles")
    void apostrophesAreDoubledAndEveryPatternFormats(String bundle) throws IOException {
        for (String suffix : new String[] {"", "_fr"}) {
            Properties p = load(bundle, suffix);
            for (String key : p.stringPropertyNames()) {
                String pattern = p.getProperty(key);
                assertThat(pattern).as(bundle + suffix + " " + key).doesNotContainPattern("(?<!')'(?!')");
                assertThat(new MessageFormat(pattern).format(arguments(new MessageFormat(pattern))))
                        .as(bundle + suffix + " " + key)
                        .isNotBlank();
            }
        }
    }

    @Test
    void toolsWithoutTheApplicationReadEveryBundle() {
        assertThat(MessageBundles.english("error.vocabulary.tooLong", "x", 100)).doesNotStartWith("error.");
        assertThat(MessageBundles.english("no.such.key")).isEqualTo("no.such.key");
    }

    /** An argument of the type each placeholder asks for: a number where it formats numbers, text elsewhere. */
    private static Object[] arguments(MessageFormat format) {
        java.text.Format[] formats = format.getFormatsByArgumentIndex();
        Object[] arguments = new Object[Math.max(4, formats.length)];
        for (int i = 0; i < arguments.length; i++) {
            java.text.Format f = i < formats.length ? formats[i] : null;
            arguments[i] = f instanceof java.text.NumberFormat || f instanceof java.text.ChoiceFormat
                    ? (Object) 42
                    : String.valueOf((char) ('a' + i));
        }
        return arguments;
    }
}
