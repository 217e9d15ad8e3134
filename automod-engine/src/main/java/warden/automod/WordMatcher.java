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
 */
final class WordMatcher {

    /** One forbidden entry: its normalised text and where it must sit relative to word boundaries. */
    record Entry(String source, String normalized, boolean wholeStart, boolean wholeEnd) {
    }

    /** A match in normalised coordinates: {@code [from, to)}. */
    record Match(Entry entry, int from, int to) {
    }

    private final List<Entry> entries;
    private final int[] symbolOfAscii = new int[128];
    private final Map<Character, Integer> symbolOfOther = new HashMap<>();
    private final int width;
    private final int[] next;
    /** The state itself when it has an output, else its nearest suffix with one, else -1: one read per character. */
    private final int[] report;
    private final int[] output;     // first entry ending at the state, or -1
    private final int[] outputNext; // next entry index in the same state's output chain, per entry
    private final int[] dictLink;   // nearest suffix state with an output, or -1

    private WordMatcher(List<Entry> entries, char[] alphabet, int width, int[] next, int[] output, int[] outputNext,
                        int[] dictLink) {
        this.entries = entries;
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
    static WordMatcher build(List<String> words) {
        List<Entry> entries = new ArrayList<>();
        for (String word : words) {
            boolean partialStart = word.startsWith("*");
            boolean partialEnd = word.endsWith("*") && word.length() > 1;
            String core = word.substring(partialStart ? 1 : 0, word.length() - (partialEnd ? 1 : 0));
            String normalized = TextNormalizer.normalizeWord(core);
            if (!normalized.isEmpty()) entries.add(new Entry(word, normalized, !partialStart, !partialEnd));
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
        return new WordMatcher(List.copyOf(entries), alphabet, width, next, output, outputNext, dictLink);
    }

    boolean isEmpty() {
        return entries.isEmpty();
    }

    int size() {
        return entries.size();
    }

    /** Every match that respects its entry's word boundaries and does not fall inside an allowed word. */
    List<Match> find(NormalizedText text, Set<String> allowedWords) {
        if (entries.isEmpty()) return List.of();
        List<Match> matches = null;
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
                    if (!allowedWords.isEmpty() && allowedWords.contains(text.tokenAround(from, i + 1))) continue;
                    if (matches == null) matches = new ArrayList<>(2);
                    matches.add(new Match(entry, from, i + 1));
                }
            }
        }
        return matches == null ? List.of() : matches;
    }
}
