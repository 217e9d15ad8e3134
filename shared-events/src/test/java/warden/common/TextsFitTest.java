package warden.common;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Texts Warden sends are cut to Discord's limits, never in the middle of a character. */
class TextsFitTest {

    @ParameterizedTest(name = "\"{0}\" within {1} -> \"{2}\"")
    @CsvSource({
        "hello, 5, hello",
        "hello, 10, hello",
        "hello world, 6, hello…",
        "ab😀cd, 4, ab…",
        "ab😀cd, 5, ab😀…",
        "'', 3, ''",
    })
    void cutsToTheLimit(String text, int max, String expected) {
        String fitted = Texts.fit(text, max);
        assertThat(fitted).isEqualTo(expected);
        assertThat(fitted.length()).isLessThanOrEqualTo(max);
    }
}
