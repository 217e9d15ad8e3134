package warden.automod;

import static org.assertj.core.api.Assertions.assertThat;
import static warden.automod.Policies.message;
import static warden.automod.Policies.policy;
import static warden.automod.Policies.vocabulary;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Forbidden vocabulary: evasions caught, ordinary words left alone. */
class VocabularyDetectorTest {

    private final DetectionEngine engine = DetectionEngine.offline();
    private final CompiledPolicy policy = engine.compile(
            policy(vocabulary(List.of("chat*", "idiot", "*merde*", "bad word", "con"), List.of("concombre"), false)));

    private Evaluation evaluate(String text) {
        return engine.evaluate(message(text), policy);
    }

    @ParameterizedTest(name = "[{index}] \"{0}\" is caught ({1})")
    @CsvSource(
            delimiter = '|',
            value = {
                "chat                                   | plain",
                "les chats sont là                      | prefix wildcard",
                "c h a t                                | separators",
                "c.h.a.t                                | separators",
                "c-h-a-t                                | separators",
                "chaaaaaat                              | repeated letters",
                "CHAT                                   | case",
                "ch**a**t                               | markdown inside a word",
                "c\u200Bh\u200Ba\u200Bt                 | zero-width characters",
                "\u0441hat                              | Cyrillic confusable",
                "ｃｈａｔ                                 | fullwidth (NFKC)",
                "chât                                   | diacritics",
                "1d10t                                  | leetspeak",
                "id!ot                                  | leetspeak symbol",
                "what an IDIOT!                         | whole word with punctuation",
                "oh merdeee                             | infix wildcard",
                "emmerdement                            | infix wildcard inside a word",
                "that is a bad   word                   | expression over several spaces",
                "%63%68%61%74                           | URL encoding",
                "\uD835\uDC1C\uD835\uDC21\uD835\uDC1A\uD835\uDC2D | mathematical letters",
            })
    void caught(String text, String evasion) {
        Evaluation evaluation = evaluate(text.strip());
        assertThat(evaluation.violations()).as(evasion).hasSize(1);
        assertThat(evaluation.violations().get(0).module()).isEqualTo(AutomodModule.VOCABULARY);
    }

    @ParameterizedTest(name = "[{index}] \"{0}\" is left alone")
    @CsvSource(
            delimiter = '|',
            value = {
                "idiotic", // whole word only
                "the concombre is green", // allowed word containing "con"
                "conversation", // whole word "con" only
                "Scunthorpe United",
                "I had 2 chocolate bars in 2024",
                "a b c d e f",
                "bad words are bad", // "bad word" is a whole expression: "words" is another word
            })
    void leftAlone(String text) {
        assertThat(evaluate(text).violations()).isEmpty();
    }

    @Test
    void aPrefixRuleCatchesLongerWordsThatStartWithItButNotAnotherWord() {
        // DraftBot's own semantics: chat* is a prefix rule. Château does not start with "chat": it is an ordinary word
        // of its own, so chat* leaves it alone, while "châtons" (no word) is read as an evasion of "chatons".
        assertThat(evaluate("les chatons").flagged()).isTrue();
        assertThat(evaluate("un beau château").flagged()).isFalse();
        assertThat(evaluate("des châtons").flagged()).isTrue();
        CompiledPolicy withAllow = engine.compile(policy(vocabulary(List.of("chat*"), List.of("chatons"), false)));
        assertThat(engine.evaluate(message("les chatons"), withAllow).flagged()).isFalse();
    }

    @Test
    void theEvidenceNamesTheOriginalSpanAndWhatRevealedIt() {
        String text = "hey c.h.a.a.t !";
        Violation violation = evaluate(text).violations().get(0);
        assertThat(violation.spans()).hasSize(1);
        assertThat(violation.spans().get(0).text()).isEqualTo("c.h.a.a.t");
        assertThat(violation.spans().get(0).rule()).isEqualTo("chat*");
        assertThat(violation.revealedBy()).contains("separators", "repeated-letters");
        assertThat(violation.policyVersion()).isEqualTo(3);
    }

    @Test
    void censorRepostsWithTheExpressionMasked() {
        CompiledPolicy censoring = engine.compile(policy(vocabulary(List.of("idiot"), List.of(), true)));
        Evaluation evaluation = engine.evaluate(message("you are an idiot, really"), censoring);
        assertThat(evaluation.violations().get(0).action()).isEqualTo(Violation.Action.REPOST);
        assertThat(evaluation.repost()).isEqualTo("you are an █████, really");
    }

    @Test
    void thousandsOfWordsStillMatchInOnePass() {
        List<String> words = new java.util.ArrayList<>();
        for (int i = 0; i < AutomodLimits.MAX_WORDS - 1; i++) words.add("w" + Integer.toString(i, 36) + "x*");
        words.add("target");
        CompiledPolicy big = engine.compile(policy(vocabulary(words, List.of(), false)));
        assertThat(engine.evaluate(message("hit the t a r g e t now"), big).flagged())
                .isTrue();
        assertThat(engine.evaluate(message("nothing here at all"), big).flagged())
                .isFalse();
    }
}
