package warden.automod;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds every forbidden entry in one left-to-right pass over normalised text, whatever the number of entries
 * (Aho-Corasick). Transitions are a dense table over the alphabet the entries actually use, so a step is two array
 * reads; characters outside it send the automaton back to its root. Entries are literal: no user pattern is ever
 * compiled as a regular expression, so no entry can make matching slow.
 *
 * <p>The automaton finds candidates on letters whose repeats are folded away; a candidate becomes a match only when
 * the text holds at least as many of each letter as the entry ({@code ass} needs two {@code s}), and, where a word
 * of the text is an ordinary word of the language ({@link OrdinaryWords}), only when that word is the entry itself
 * (same letters, same doubled letters, the entry's accents) or the entry asked for part of a word with {@code *}:
 * evasion tolerance is for words nobody writes by accident.
 */
final class WordMatcher {

    /**
     * One forbidden entry: its normalised text, and for each of its characters how many times it stands in a row,
     * the accented letter it was written with (0 for none) and the spelling steps it needed (look-alikes, leetspeak);
     * where it must sit relative to word boundaries.
     */
    record Entry(
            String source,
            String normalized,
            int[] runs,
            char[] accents,
            int[] spellings,
            boolean wholeStart,
            boolean wholeEnd) {
        /** The entry as the admin wrote it, without its wildcards. */
        String core() {
            return source.substring(wholeStart ? 0 : 1, source.length() - (wholeEnd ? 0 : 1));
        }
    }

    /** A match in normalised coordinates, {@code [from, to)}, with what revealed it ({@link Normalization} bits). */
    record Match(Entry entry, int from, int to, int revealedBy) {}

    /** The steps that change how a letter is spelled; an ordinary word must need the same ones as the entry. */
    private static final int SPELLING =
            Normalization.LEETSPEAK.bit() | Normalization.CONFUSABLE.bit() | Normalization.COMPATIBILITY.bit();

    private final List<Entry> entries;
    private final OrdinaryWords ordinary;
    /**
     * The languages each entry is a word of ({@link OrdinaryWords} bits, all of them when it is a word of none), -1
     * until a message first needs them: a word of the text is held to the entry's accents only in those languages.
     */
    private final int[] entryLanguages;

    private final int[] symbolOfAscii = new int[128];
    private final Map<Character, Integer> symbolOfOther = new HashMap<>();
    private final int width;
    private final int[] next;
    /** The state itself when it has an output, else its nearest suffix with one, else -1: one read per character. */
    private final int[] report;

    private final int[] output; // first entry ending at the state, or -1
    private final int[] outputNext; // next entry index in the same state's output chain, per entry
    private final int[] dictLink; // nearest suffix state with an output, or -1

    private WordMatcher(
            List<Entry> entries,
            OrdinaryWords ordinary,
            char[] alphabet,
            int width,
            int[] next,
            int[] output,
            int[] outputNext,
            int[] dictLink) {
        this.entries = entries;
        this.ordinary = ordinary;
        this.entryLanguages = new int[entries.size()];
        Arrays.fill(entryLanguages, -1);
        this.width = width;
        this.next = next;
        this.output = output;
        this.report = new int[output.length];
        for (int s = 0; s < output.length; s++) report[s] = output[s] >= 0 ? s : dictLink[s];
        this.outputNext = outputNext;
        this.dictLink = dictLink;
        for (int s = 0; s < alphabet.length; s++) {
            char c = alphabet[s];
            if (c < 128) symbolOfAscii[c] = s + 1;
            else symbolOfOther.put(c, s + 1);
        }
    }

    /**
     * Builds the matcher for entries as admins write them: {@code *} at the start and/or end allows partial
     * matches; without it the entry must be a whole word.
     */
    static WordMatcher build(List<String> words, OrdinaryWords ordinary) {
        List<Entry> entries = new ArrayList<>();
        for (String word : words) {
            boolean partialStart = word.startsWith("*");
            boolean partialEnd = word.endsWith("*") && word.length() > 1;
            String core = word.substring(partialStart ? 1 : 0, word.length() - (partialEnd ? 1 : 0));
            NormalizedText normalized = TextNormalizer.normalizeEntry(core);
            if (normalized.length > 0) {
                int[] spellings = new int[normalized.length];
                for (int k = 0; k < spellings.length; k++) spellings[k] = normalized.flags[k] & SPELLING;
                int[] runs = new int[normalized.length];
                char[] accents = new char[normalized.length];
                for (int k = 0; k < runs.length; k++) {
                    runs[k] = normalized.run(k);
                    accents[k] = normalized.accent(k);
                }
                entries.add(
                        new Entry(word, normalized.toString(), runs, accents, spellings, !partialStart, !partialEnd));
            }
        }
        java.util.TreeSet<Character> symbols = new java.util.TreeSet<>();
        for (Entry e : entries) for (char c : e.normalized().toCharArray()) symbols.add(c);
        char[] alphabet = new char[symbols.size()];
        int a = 0;
        for (char c : symbols) alphabet[a++] = c;
        int width = alphabet.length + 1; // symbol 0: any character outside the alphabet

        Map<Character, Integer> symbolIndex = new HashMap<>();
        for (int s = 0; s < alphabet.length; s++) symbolIndex.put(alphabet[s], s + 1);

        // trie
        List<int[]> rows = new ArrayList<>();
        rows.add(new int[width]);
        Arrays.fill(rows.get(0), -1);
        List<List<Integer>> outputs = new ArrayList<>();
        outputs.add(new ArrayList<>());
        for (int e = 0; e < entries.size(); e++) {
            int state = 0;
            for (char c : entries.get(e).normalized().toCharArray()) {
                int sym = symbolIndex.get(c);
                if (rows.get(state)[sym] < 0) {
                    int[] row = new int[width];
                    Arrays.fill(row, -1);
                    rows.add(row);
                    outputs.add(new ArrayList<>());
                    rows.get(state)[sym] = rows.size() - 1;
                }
                state = rows.get(state)[sym];
            }
            outputs.get(state).add(e);
        }
        int states = rows.size();
        int[] next = new int[states * width];
        int[] fail = new int[states];
        int[] dictLink = new int[states];
        Arrays.fill(dictLink, -1);
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        for (int sym = 0; sym < width; sym++) {
            int child = rows.get(0)[sym];
            if (child < 0) {
                next[sym] = 0;
            } else {
                next[sym] = child;
                fail[child] = 0;
                queue.add(child);
            }
        }
        while (!queue.isEmpty()) {
            int state = queue.poll();
            int f = fail[state];
            dictLink[state] = !outputs.get(f).isEmpty() ? f : dictLink[f];
            for (int sym = 0; sym < width; sym++) {
                int child = rows.get(state)[sym];
                if (child < 0) {
                    next[state * width + sym] = next[f * width + sym];
                } else {
                    next[state * width + sym] = child;
                    fail[child] = next[f * width + sym];
                    queue.add(child);
                }
            }
        }
        int[] output = new int[states];
        int[] outputNext = new int[entries.size()];
        Arrays.fill(output, -1);
        Arrays.fill(outputNext, -1);
        for (int s = 0; s < states; s++) {
            int previous = -1;
            for (int e : outputs.get(s)) {
                if (previous < 0) output[s] = e;
                else outputNext[previous] = e;
                previous = e;
            }
        }
        return new WordMatcher(List.copyOf(entries), ordinary, alphabet, width, next, output, outputNext, dictLink);
    }

    /**
     * The languages every word of an entry belongs to: {@code crétins} is French, so an English {@code cretins} in
     * a message may be its evasion without accents; {@code fdp} is no word, so it is held to every language.
     */
    private int languagesOf(int entry) {
        int languages = entryLanguages[entry];
        if (languages >= 0) return languages;
        languages = ordinary.all();
        for (String part : entries.get(entry).core().strip().split("\\s+")) languages &= ordinary.languagesOf(part);
        if (languages == 0) languages = ordinary.all();
        entryLanguages[entry] = languages; // computed alike by any thread: a race only repeats the work
        return languages;
    }

    boolean isEmpty() {
        return entries.isEmpty();
    }

    int size() {
        return entries.size();
    }

    /**
     * Every match that respects its entry's word boundaries and doubled letters, does not fall inside an allowed
     * word, and does not take an ordinary word for another.
     */
    List<Match> find(NormalizedText text, Set<String> allowedWords) {
        if (entries.isEmpty()) return List.of();
        List<Match> matches = null;
        Map<Integer, Integer> ordinaryTokens = null;
        int state = 0;
        for (int i = 0; i < text.length; i++) {
            char c = text.chars[i];
            int sym = c < 128 ? symbolOfAscii[c] : symbolOfOther.getOrDefault(c, 0);
            state = next[state * width + sym];
            for (int s = report[state]; s >= 0; s = dictLink[s]) {
                for (int e = output[s]; e >= 0; e = outputNext[e]) {
                    Entry entry = entries.get(e);
                    int from = i - entry.normalized().length() + 1;
                    if (entry.wholeStart() && !text.tokenStartsAt(from)) continue;
                    if (entry.wholeEnd() && !text.tokenEndsAt(i)) continue;
                    if (!holdsEveryRepeat(entry, text, from)) continue;
                    if (!allowedWords.isEmpty() && allowedWords.contains(text.tokenAround(from, i + 1))) continue;
                    if (ordinaryTokens == null) ordinaryTokens = new HashMap<>(4);
                    Match match = verify(e, text, from, i + 1, ordinaryTokens);
                    if (match == null) continue;
                    if (matches == null) matches = new ArrayList<>(2);
                    matches.add(match);
                }
            }
        }
        return matches == null ? List.of() : matches;
    }

    /** Repeats only ever add: each letter of the entry stands at least as many times in the text. */
    private static boolean holdsEveryRepeat(Entry entry, NormalizedText text, int from) {
        int[] runs = entry.runs();
        for (int k = 0; k < runs.length; k++) {
            if (text.run(from + k) < runs[k]) return false;
        }
        return true;
    }

    /**
     * The match over {@code [from, to)} with what revealed it, or null when it reads an ordinary word as another: in
     * a word of any language, every letter must be the entry's own, spelled alike, standing as often as in the entry
     * (more only at an end the entry left open with {@code *}); in a word of the entry's language, with the same
     * accents too. French typed without accents is everyday chat: {@code cretins} is an English word, and still the
     * French {@code crétins} without its accent, while {@code demeure} is not {@code demeuré}.
     */
    private Match verify(int e, NormalizedText text, int from, int to, Map<Integer, Integer> ordinaryTokens) {
        Entry entry = entries.get(e);
        int revealed = text.flagsBetween(from, to) & ~Normalization.DIACRITIC.bit();
        int k = from;
        while (k < to) {
            if (text.chars[k] == NormalizedText.BOUNDARY) {
                k++;
                continue;
            }
            int tokenStart = text.tokenStart(k);
            int tokenEnd = text.tokenEnd(k);
            int languages =
                    ordinaryTokens.computeIfAbsent(tokenStart, t -> languagesOfWord(text, tokenStart, tokenEnd));
            boolean ordinaryAnywhere = languages != 0;
            boolean ordinaryInEntryLanguage = ordinaryAnywhere && (languages & languagesOf(e)) != 0;
            int stop = Math.min(to, tokenEnd);
            for (; k < stop; k++) {
                int at = k - from;
                boolean openEdge = (k == from && !entry.wholeStart()) || (k == to - 1 && !entry.wholeEnd());
                int extra = text.run(k) - entry.runs()[at];
                char wanted = entry.accents()[at];
                char written = text.accent(k);
                boolean accentDiffers =
                        written != wanted || (written == 0 && (text.flags[k] & Normalization.DIACRITIC.bit()) != 0);
                boolean respelled = (text.flags[k] & SPELLING) != entry.spellings()[at];
                if (ordinaryAnywhere && ((extra > 0 && !openEdge) || respelled)) return null;
                if (ordinaryInEntryLanguage && accentDiffers) return null;
                if (extra > 0 && !openEdge) revealed |= Normalization.REPEATED.bit();
                if (accentDiffers) revealed |= Normalization.DIACRITIC.bit();
            }
        }
        return new Match(entry, from, to, revealed);
    }

    /** The languages of a word as written, and of the hyphenated or elided word it is part of ({@code Hô-Chi-Minh}). */
    private int languagesOfWord(NormalizedText text, int tokenStart, int tokenEnd) {
        String word = text.originalOf(tokenStart, tokenEnd);
        String compound = text.compoundAround(tokenStart, tokenEnd);
        return ordinary.languagesOf(word) | (compound.length() > word.length() ? ordinary.languagesOf(compound) : 0);
    }
}
