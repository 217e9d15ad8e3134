package warden.automod;

import static org.assertj.core.api.Assertions.assertThat;
import static warden.automod.Policies.message;
import static warden.automod.Policies.policy;
import static warden.automod.Policies.vocabulary;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * An admin pastes a public list of bad words (ModernMT's English and French lists, about 800 entries) and the engine
 * reads every word of English and French, one message each: no word is flagged unless it is a listed word or holds
 * one ({@code kick-ass}). Words that differ from a listed word only by accents ({@code salé} for {@code sale},
 * {@code demeure} for {@code demeuré}) are other words of the same language, and none may be flagged; a word of
 * another language that is a listed word without its accents ({@code cretins}, English, for the French
 * {@code crétins}) is reported apart: in the listed word's language it is an evasion. Every listed entry is still
 * caught alone, in a sentence and in capitals.
 */
class OrdinaryWordsTest {

    private static final List<String> LIST = new ArrayList<>();
    private static final OrdinaryWords ORDINARY = OrdinaryWords.packaged();

    static {
        LIST.addAll(WordLists.badWords("en"));
        LIST.addAll(WordLists.badWords("fr"));
    }

    private final DetectionEngine engine = DetectionEngine.offline();
    private final CompiledPolicy policy = engine.compile(policy(vocabulary(LIST, List.of(), false)));

    /** Listed entries by their lower-case form, and by that form without accents. */
    private final Set<String> listed = new TreeSet<>();

    private final Map<String, String> listedWithoutAccents = new HashMap<>();

    {
        for (String entry : LIST) {
            String lower = entry.toLowerCase(Locale.ROOT);
            listed.add(lower);
            listedWithoutAccents.put(withoutAccents(lower), entry);
        }
    }

    @Test
    void noOrdinaryWordOfEnglishOrFrenchIsFlaggedUnlessListed() {
        Map<String, Set<String>> wordLists = Map.of(
                "English spelling (en_US)", WordLists.words(OrdinaryWords.ENGLISH),
                "English lexicon (LanguageTool)", WordLists.words(WordLists.ENGLISH_LEXICON),
                "French lexicon (LanguageTool)", WordLists.words(OrdinaryWords.FRENCH));
        List<String> falsePositives = new ArrayList<>();
        Set<String> accentTwins = new TreeSet<>();
        Set<String> flaggedTwins = new TreeSet<>();
        Set<String> otherLanguageTwins = new TreeSet<>();
        int words = 0;
        int listedWords = 0;
        for (Map.Entry<String, Set<String>> list : wordLists.entrySet()) {
            for (String word : list.getValue()) {
                words++;
                String lower = word.toLowerCase(Locale.ROOT);
                String twin = listed.contains(lower) ? null : listedWithoutAccents.get(withoutAccents(lower));
                if (twin != null) accentTwins.add(word + " (" + twin + ")");
                Evaluation evaluation = engine.evaluate(message(word), policy);
                if (!evaluation.flagged()) continue;
                // kick-ass holds the listed word "ass": every span must be a listed word as it is written
                boolean onlyListed = evaluation.violations().get(0).spans().stream()
                        .allMatch(span -> listed.contains(
                                span.text().toLowerCase(Locale.ROOT).replaceAll("[-\\s]+", " ")));
                if (onlyListed) {
                    listedWords++;
                    continue;
                }
                // cretins (English) read as crétins (French): an English word, but no word of the entry's language
                if (twin != null && (ORDINARY.languagesOf(word) & ORDINARY.languagesOf(twin)) == 0) {
                    otherLanguageTwins.add(word + " (" + twin + ")");
                    continue;
                }
                if (twin != null) flaggedTwins.add(word);
                falsePositives.add(
                        word + " <- " + evaluation.violations().get(0).spans() + " in " + list.getKey());
            }
        }
        System.out.printf(
                Locale.ROOT,
                "%,d words read, %,d entries listed: %,d words flagged that are listed words or hold"
                        + " one, %d flagged that are not; %d accent twins of listed words in the same language, %d flagged;"
                        + " %d words of another language taken for a listed word without its accents: %s%n",
                words,
                LIST.size(),
                listedWords,
                falsePositives.size(),
                accentTwins.size() - otherLanguageTwins.size(),
                flaggedTwins.size(),
                otherLanguageTwins.size(),
                otherLanguageTwins);
        falsePositives.forEach(f -> System.out.println("  flagged: " + f));
        assertThat(words).isGreaterThan(900_000);
        assertThat(accentTwins).isNotEmpty();
        assertThat(falsePositives).isEmpty();
    }

    @Test
    void everyListedEntryIsCaughtAloneAndInASentence() {
        List<String> missed = new ArrayList<>();
        for (String entry : LIST) {
            if (!engine.evaluate(message(entry), policy).flagged()) missed.add(entry);
            if (!engine.evaluate(message("well, " + entry + " then!"), policy).flagged())
                missed.add("in a sentence: " + entry);
            if (!engine.evaluate(message(entry.toUpperCase(Locale.ROOT)), policy)
                    .flagged()) missed.add("in capitals: " + entry);
        }
        assertThat(missed).isEmpty();
    }

    /** A dictionary entry of several words ("son of a bitch") that the list holds as such. */
    private boolean listedAsPhrase(String lower) {
        return lower.contains(" ") && listed.contains(lower.replaceAll("\\s+", " "));
    }

    private static String withoutAccents(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
    }
}
