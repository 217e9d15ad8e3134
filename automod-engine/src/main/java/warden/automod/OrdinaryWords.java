package warden.automod;

import com.ibm.icu.text.Normalizer2;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import morfologik.fsa.FSA;
import morfologik.fsa.FSATraversal;
import morfologik.fsa.MatchResult;
import morfologik.stemming.Dictionary;

/**
 * The ordinary words of the languages Warden's servers speak, every inflected form: a word written as people write
 * it is not an evasion, so evasion tolerance never turns it into another word. English is LanguageTool's US English
 * spelling dictionary (from SCOWL/Hunspell, {@code org.languagetool:english-pos-dict}, LGPL 2.1), French its French
 * lexicon (from Dicollecte/Grammalecte, {@code org.languagetool:french-pos-dict}, CC BY-SA 4.0), both read as
 * morfologik automata ({@code org.carrot2:morfologik-stemming}, BSD): about 200,000 English and 500,000 French forms
 * in 2 MB, looked up in microseconds without being expanded into memory.
 */
final class OrdinaryWords {

    /** One packaged dictionary: its automaton and the byte that ends a word inside each entry. */
    private record Lexicon(String language, FSA fsa, byte separator) {}

    private static final Normalizer2 NFC = Normalizer2.getNFCInstance();
    static final String ENGLISH = "org/languagetool/resource/en/hunspell/en_US.dict";
    static final String FRENCH = "org/languagetool/resource/fr/french.dict";

    private final List<Lexicon> lexicons;

    private OrdinaryWords(List<Lexicon> lexicons) {
        this.lexicons = lexicons;
    }

    private static final class Packaged {
        static final OrdinaryWords INSTANCE = load(List.of(ENGLISH, FRENCH));
    }

    /** English and French, loaded once on first use. */
    static OrdinaryWords packaged() {
        return Packaged.INSTANCE;
    }

    static OrdinaryWords load(List<String> resources) {
        List<Lexicon> lexicons = new ArrayList<>();
        for (String resource : resources) {
            URL url = OrdinaryWords.class.getClassLoader().getResource(resource);
            if (url == null) throw new IllegalStateException("word list missing from the classpath: " + resource);
            try {
                Dictionary dictionary = Dictionary.read(url);
                lexicons.add(new Lexicon(resource, dictionary.fsa, dictionary.metadata.getSeparator()));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the word list " + resource, e);
            }
        }
        return new OrdinaryWords(List.copyOf(lexicons));
    }

    /** Every language this holds, as a mask of {@link #languagesOf} bits. */
    int all() {
        return (1 << lexicons.size()) - 1;
    }

    /**
     * The languages in which this text, exactly as written (a word of letters, maybe hyphenated or elided, in any
     * case), is an ordinary word, one bit per language; 0 for none. {@code Bob}, {@code BOB} and {@code kick-ass}
     * are English; {@code B0b}, {@code b.o.b} and {@code Bob} with a Cyrillic {@code о} are no language. A word with
     * digits is ordinary only as the dictionary writes it: {@code A55} (a model) is, {@code a55} is leetspeak.
     */
    int languagesOf(String written) {
        if (lexicons.isEmpty() || written.isEmpty()) return 0;
        boolean digits = false;
        for (int i = 0; i < written.length(); ) {
            int cp = written.codePointAt(i);
            if (Character.isDigit(cp)) {
                digits = true;
            } else if (!Character.isLetter(cp)
                    && Character.getType(cp) != Character.NON_SPACING_MARK
                    && !(i > 0 && i < written.length() - 1 && NormalizedText.isJoiner(written.charAt(i)))) {
                return 0;
            }
            i += Character.charCount(cp);
        }
        String word = NFC.normalize(written)
                .replace('\u2019', '\'')
                .replace('\u2010', '-')
                .replace('\u2011', '-');
        int languages = languagesOfForm(word);
        if (digits) return languages;
        String lower = word.toLowerCase(Locale.ROOT);
        if (!lower.equals(word)) languages |= languagesOfForm(lower);
        String capitalized = lower.substring(0, lower.offsetByCodePoints(0, 1)).toUpperCase(Locale.ROOT)
                + lower.substring(lower.offsetByCodePoints(0, 1));
        if (!capitalized.equals(word)) languages |= languagesOfForm(capitalized);
        return languages;
    }

    private int languagesOfForm(String word) {
        byte[] bytes = word.getBytes(StandardCharsets.UTF_8);
        byte[] entry = Arrays.copyOf(bytes, bytes.length + 1);
        int languages = 0;
        for (int l = 0; l < lexicons.size(); l++) {
            Lexicon lexicon = lexicons.get(l);
            entry[bytes.length] = lexicon.separator();
            int kind = new FSATraversal(lexicon.fsa()).match(entry).kind;
            if (kind == MatchResult.SEQUENCE_IS_A_PREFIX || kind == MatchResult.EXACT_MATCH) languages |= 1 << l;
        }
        return languages;
    }
}
