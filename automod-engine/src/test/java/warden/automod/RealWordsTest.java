package warden.automod;

import static org.assertj.core.api.Assertions.assertThat;
import static warden.automod.Policies.message;
import static warden.automod.Policies.policy;
import static warden.automod.Policies.vocabulary;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import warden.sanctions.Evidence;

/**
 * A list pasted from the internet must not delete everyday English and French: repeated-letter tolerance only adds
 * letters, and an ordinary word is only ever itself. Evasions of the listed words are still caught.
 */
class RealWordsTest {

    private final DetectionEngine engine = DetectionEngine.offline();
    private final CompiledPolicy policy = engine.compile(policy(vocabulary(
            List.of(
                    "ass", "butt", "boob", "coon", "xx", "raping", "topless", "baiser", "bourré", "chat", "idiot", "🖕",
                    "pute*"),
            List.of(),
            false)));

    private Evaluation evaluate(String text) {
        return engine.evaluate(message(text), policy);
    }

    @ParameterizedTest(name = "[{index}] \"{0}\" is left alone")
    @CsvSource(
            delimiter = '|',
            value = {
                "as far as I know", // ass: a doubled letter is never dropped
                "but why not", // butt
                "Bob is here", // boob
                "I was a con artist", // coon
                "press X to continue", // xx
                "Conn is in New England", // coon: the doubled letter is not the same one
                "they were rapping all night", // raping: an ordinary word with a doubled letter is itself
                "the tower topples", // topless
                "il faut baisser le prix", // baiser
                "je suis à la bourre", // bourré: an ordinary word without the listed word's accent
                "a bassist and a butte", // whole words only, as before
                "réputé, disputer, député", // pute*: a prefix entry does not reach inside a word
            })
    void everydayWordsAreLeftAlone(String text) {
        assertThat(evaluate(text.strip()).violations()).isEmpty();
    }

    @ParameterizedTest(name = "[{index}] \"{0}\" is caught, revealed by {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "what an ass                    | ''",
                "ASS                            | ''",
                "what an asssss                 | repeated-letters",
                "a s s                          | separators",
                "a.s.s                          | separators",
                "@ss                            | leetspeak",
                "booob                          | repeated-letters",
                "b00b                           | leetspeak",
                "xx                             | ''",
                "xxxx                           | repeated-letters",
                "raaaping                       | repeated-letters",
                "toplesssss                     | repeated-letters",
                "on va baiser                   | ''",
                "il est bourré                  | ''",
                "il est BOURRÉ                  | ''",
                "il est boürré                  | diacritics",
                "il est bourre\u0301            | ''",
                "chaaat                         | repeated-letters",
                "ch\u00e2t                      | diacritics",
                "\u0441hat                      | confusables",
                "1d10t                          | leetspeak",
                "sale pute                      | ''",
                "des putes                      | ''",
                "sale pütes                     | diacritics",
            })
    void evasionsOfListedWordsAreCaughtAndExplained(String text, String revealedBy) {
        Evaluation evaluation = evaluate(text.strip());
        assertThat(evaluation.violations()).as(text).hasSize(1);
        Evidence.Span span = evaluation.violations().get(0).spans().get(0);
        List<String> expected = revealedBy.isEmpty() ? List.of() : List.of(revealedBy.split(","));
        assertThat(span.revealedBy()).as("revealedBy of %s", span.text()).containsExactlyInAnyOrderElementsOf(expected);
    }

    @ParameterizedTest(name = "[{index}] \"{0}\" matches the listed emoji")
    @CsvSource(
            delimiter = '|',
            value = {
                "🖕",
                "take this 🖕",
                "🖕🏽",
                "🖕🏿 to you",
                "no🖕way",
            })
    void listedEmojiMatchWithOrWithoutSkinTone(String text) {
        Evaluation evaluation = evaluate(text.strip());
        assertThat(evaluation.violations()).hasSize(1);
        Evidence.Span span = evaluation.violations().get(0).spans().get(0);
        assertThat(span.text()).startsWith("🖕");
        assertThat(span.rule()).isEqualTo("🖕");
    }

    @Test
    void anEmojiWithASkinToneListedMatchesEveryTone() {
        CompiledPolicy toned = engine.compile(policy(vocabulary(List.of("🖕🏻"), List.of(), true)));
        Evaluation evaluation = engine.evaluate(message("hey 🖕🏾 you"), toned);
        assertThat(evaluation.flagged()).isTrue();
        assertThat(evaluation.repost()).isEqualTo("hey ██ you"); // the emoji and its tone masked together
        assertThat(engine.evaluate(message("hey 👍 you"), toned).flagged()).isFalse();
        assertThat(engine.evaluate(message("😀 😀 😀 fine"), toned).flagged()).isFalse();
    }

    @Test
    void anAllowedWordKeepsItsDoubledLetters() {
        CompiledPolicy allowingBob = engine.compile(policy(vocabulary(List.of("b*"), List.of("Bob"), false)));
        assertThat(engine.evaluate(message("Bob"), allowingBob).flagged()).isFalse();
        assertThat(engine.evaluate(message("boob"), allowingBob).flagged()).isTrue();
    }
}
