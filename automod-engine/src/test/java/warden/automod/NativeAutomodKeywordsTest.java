package warden.automod;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** What Discord's native AutoMod takes of a vocabulary: 1,000 keywords of at most 60 characters, 100 allowed words. */
class NativeAutomodKeywordsTest {

    private static VocabularySettings vocabulary(List<String> words, List<String> allowed) {
        return new VocabularySettings(true, false, null, null, words, allowed, true, false);
    }

    @Test
    void theFirstThousandFittingKeywordsGoToDiscordAndTheRestStaysWithWarden() {
        List<String> words = new ArrayList<>(
                IntStream.range(0, 1_200).mapToObj(i -> "word" + i).toList());
        words.add(0, "x".repeat(61)); // too long for Discord: Warden's own detection keeps it
        words.add(1, "y".repeat(60)); // exactly Discord's limit
        NativeAutomodKeywords k = NativeAutomodKeywords.of(vocabulary(words, null));
        assertThat(k.keywords())
                .hasSize(AutomodLimits.NATIVE_MAX_KEYWORDS)
                .doesNotContain("x".repeat(61))
                .contains("y".repeat(60));
        assertThat(k.keywords().get(1)).isEqualTo("word0");
        assertThat(k.skipped()).isEqualTo(words.size() - 1_000);
    }

    @Test
    void atMostAHundredAllowedWordsOfSixtyCharacters() {
        List<String> allowed =
                new ArrayList<>(IntStream.range(0, 150).mapToObj(i -> "ok" + i).toList());
        allowed.add(0, "z".repeat(61));
        NativeAutomodKeywords k = NativeAutomodKeywords.of(vocabulary(List.of("bad"), allowed));
        assertThat(k.allowList())
                .hasSize(NativeAutomodKeywords.MAX_ALLOW_LIST)
                .doesNotContain("z".repeat(61))
                .startsWith("ok0");
    }
}
