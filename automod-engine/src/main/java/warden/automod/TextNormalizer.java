package warden.automod;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.lang.UCharacterCategory;
import com.ibm.icu.text.Normalizer2;
import com.ibm.icu.text.SpoofChecker;

import java.util.concurrent.ConcurrentHashMap;

/**
 * Undoes the usual evasions before matching, in one pass, keeping a map back to the original characters:
 * invisible and format characters, compatibility forms (NFKC: fullwidth, mathematical letters), Unicode
 * confusables (ICU's skeleton: Cyrillic "а" is "a"), diacritics, case, leetspeak ({@code h3ll0}), URL encoding,
 * markdown inside words ({@code ch**a**t}), letters spaced out ({@code c h a t}, {@code c.h.a.t}) and repeated
 * letters ({@code chaaaat}). Forbidden words go through the same normaliser, so both sides always agree.
 */
final class TextNormalizer {

    private static final Normalizer2 NFKD = Normalizer2.getNFKDInstance();
    private static final SpoofChecker SPOOF = new SpoofChecker.Builder().build();
    /** Non-ASCII code point -> its folded form (letters/digits only, maybe empty), computed once. */
    private static final ConcurrentHashMap<Integer, Folded> FOLDED = new ConcurrentHashMap<>();
    private static final int SPACED_LETTERS_MIN = 3;

    /** @param mark a combining mark: it reveals a diacritic on the previous letter instead of ending a word */
    private record Folded(String text, int flags, boolean mark) {
    }

    private TextNormalizer() {
    }

    /** A forbidden word or an allowed word, normalised like message text (without the spaced-letters rule). */
    static String normalizeWord(String word) {
        return normalize(word, false).toString().strip();
    }

    static NormalizedText normalize(String text) {
        return normalize(text, true);
    }

    private static NormalizedText normalize(String text, boolean joinSpacedLetters) {
        int n = text.length();
        Units units = new Units(n + 8);
        int pending = 0;
        for (int i = 0; i < n; ) {
            int cp = text.codePointAt(i);
            int width = Character.charCount(cp);
            int flags = 0;
            if (cp == '%' && i + 2 < n && hex(text.charAt(i + 1)) >= 0 && hex(text.charAt(i + 2)) >= 0) {
                cp = hex(text.charAt(i + 1)) * 16 + hex(text.charAt(i + 2));
                width = 3;
                flags |= Normalization.URL_ENCODING.bit();
            }
            if (cp < 128) {
                char c = (char) cp;
                if (c >= 'a' && c <= 'z' || c >= '0' && c <= '9') {
                    units.add(c, i, i + width, flags | pending);
                    pending = 0;
                } else if (c >= 'A' && c <= 'Z') {
                    units.add((char) (c + 32), i, i + width, flags | pending | Normalization.CASE.bit());
                    pending = 0;
                } else if (isMarkdown(c)) {
                    pending |= Normalization.MARKDOWN.bit();
                } else if (leet(c) != 0) {
                    units.add(c, i, i + width, flags | pending);
                    pending = 0;
                } else {
                    units.boundary(i, i + width);
                }
            } else if (isInvisible(cp)) {
                pending |= Normalization.INVISIBLE.bit();
            } else {
                Folded folded = fold(cp);
                if (folded.text().isEmpty()) {
                    if (folded.mark()) pending |= Normalization.DIACRITIC.bit();
                    else units.boundary(i, i + width);
                } else {
                    for (int k = 0; k < folded.text().length(); k++) {
                        units.add(folded.text().charAt(k), i, i + width, flags | pending | folded.flags());
                    }
                    pending = 0;
                }
            }
            i += width;
        }
        // the rewriting passes only run when the first pass saw what they rewrite; repeats are collapsed as
        // characters arrive, and again only after a rewrite
        boolean rewritten = false;
        if (units.leetCandidates > 0) {
            units.resolveLeetspeak();
            rewritten = true;
        }
        if (joinSpacedLetters && units.longestSingleLetterRun() >= SPACED_LETTERS_MIN) {
            units.joinSpacedLetters();
            rewritten = true;
        }
        return rewritten ? units.collapseRepeats() : units.done();
    }

    /** A non-ASCII character as letters and digits, empty when it is neither (for link views). */
    static String foldedText(int cp) {
        return fold(cp).text();
    }

    private static Folded fold(int cp) {
        return FOLDED.computeIfAbsent(cp, TextNormalizer::computeFold);
    }

    private static Folded computeFold(int cp) {
        if (!Character.isLetterOrDigit(cp)) {
            String decomposed = NFKD.normalize(new String(Character.toChars(cp)));
            // compatibility forms of ASCII punctuation (fullwidth ．) count as themselves
            if (decomposed.codePoints().allMatch(c -> c < 128 && Character.isLetterOrDigit(c))) {
                return new Folded(decomposed.toLowerCase(), Normalization.COMPATIBILITY.bit(), false);
            }
            char named = latinLetterNamed(cp);
            return named != 0 ? new Folded(String.valueOf(named), Normalization.COMPATIBILITY.bit(), false)
                    : new Folded("", 0, Character.getType(cp) == Character.NON_SPACING_MARK);
        }
        int flags = 0;
        String source = new String(Character.toChars(cp));
        String decomposed = NFKD.normalize(source);
        if (!decomposed.equals(source) && !NFKD.normalize(source).equals(Normalizer2.getNFDInstance().normalize(source))) {
            flags |= Normalization.COMPATIBILITY.bit();
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < decomposed.length(); ) {
            int c = decomposed.codePointAt(i);
            i += Character.charCount(c);
            int type = UCharacter.getType(c);
            if (type == UCharacterCategory.NON_SPACING_MARK || type == UCharacterCategory.ENCLOSING_MARK
                    || type == UCharacterCategory.COMBINING_SPACING_MARK) {
                flags |= Normalization.DIACRITIC.bit();
                continue;
            }
            if (c < 128) {
                out.append(Character.toLowerCase((char) c));
                continue;
            }
            String skeleton = withoutMarks(SPOOF.getSkeleton(new String(Character.toChars(c))));
            char named;
            if (skeleton.codePoints().allMatch(s -> s < 128 && Character.isLetterOrDigit(s))) {
                out.append(skeleton.toLowerCase());
                flags |= Normalization.CONFUSABLE.bit();
            } else if ((named = latinLetterNamed(c)) != 0) {
                out.append(named);
                flags |= Normalization.CONFUSABLE.bit();
            } else {
                out.append(UCharacter.foldCase(new String(Character.toChars(c)), true));
            }
        }
        return new Folded(out.toString(), flags, false);
    }

    /**
     * The Latin letter a symbol set draws, read from the character's Unicode name: small capitals ({@code ᴅ}),
     * negative circled and squared letters ({@code 🅘 🅸}), regional indicators ({@code 🇮}), parenthesized letters
     * ({@code ⒤}). Names are stable across Unicode versions, so sets added later are covered too. Only Latin sets:
     * a Cyrillic "I" is not an i.
     */
    static char latinLetterNamed(int cp) {
        String name = UCharacter.getName(cp);
        if (name == null || name.length() < 3 || name.charAt(name.length() - 2) != ' ') return 0;
        char letter = name.charAt(name.length() - 1);
        if (letter < 'A' || letter > 'Z') return 0;
        boolean latin = name.contains("LATIN") && (name.contains(" LETTER ") || name.contains("SMALL CAPITAL "));
        if (latin || name.startsWith("REGIONAL INDICATOR SYMBOL LETTER ")) return (char) (letter + 32);
        return 0;
    }

    private static String withoutMarks(String skeleton) {
        if (skeleton.codePoints().allMatch(c -> c < 128)) return skeleton;
        StringBuilder out = new StringBuilder(skeleton.length());
        skeleton.codePoints().filter(c -> {
            int type = UCharacter.getType(c);
            return type != UCharacterCategory.NON_SPACING_MARK && type != UCharacterCategory.ENCLOSING_MARK;
        }).forEach(out::appendCodePoint);
        return out.toString();
    }

    static boolean isInvisible(int cp) {
        if (cp < 0xAD) return false;
        int type = Character.getType(cp);
        return type == Character.FORMAT // zero-width, bidi controls, soft hyphen, tags
                || (cp >= 0xFE00 && cp <= 0xFE0F) || (cp >= 0xE0100 && cp <= 0xE01EF) // variation selectors
                || cp == 0x034F || cp == 0x115F || cp == 0x1160 || cp == 0x3164 || cp == 0xFFA0; // fillers
    }

    private static boolean isMarkdown(int cp) {
        return cp == '*' || cp == '_' || cp == '~' || cp == '`' || cp == '|' || cp == '\\';
    }

    static char leet(char c) {
        return switch (c) {
            case '4', '@' -> 'a';
            case '3' -> 'e';
            case '1', '!' -> 'i';
            case '0' -> 'o';
            case '$', '5' -> 's';
            case '7', '+' -> 't';
            case '8' -> 'b';
            case '9' -> 'g';
            default -> 0;
        };
    }

    private static int hex(char c) {
        if (c >= '0' && c <= '9') return c - '0';
        if (c >= 'a' && c <= 'f') return c - 'a' + 10;
        if (c >= 'A' && c <= 'F') return c - 'A' + 10;
        return -1;
    }

    /** The growing output: one entry per normalised character, and the rewrite passes over it. */
    private static final class Units {
        char[] chars;
        int[] start;
        int[] end;
        int[] flags;
        int size;
        int leetCandidates;
        /** Length of the current word, run of one-letter words in a row, and the longest such run so far. */
        private int tokenLength;
        private int singleRun;
        private int longestSingleRun;

        Units(int capacity) {
            chars = new char[capacity];
            start = new int[capacity];
            end = new int[capacity];
            flags = new int[capacity];
        }

        void add(char c, int s, int e, int f) {
            if (size > 0 && chars[size - 1] == c) { // chaaaat: one letter, its span grows
                end[size - 1] = e;
                flags[size - 1] |= f | Normalization.REPEATED.bit();
                return;
            }
            tokenLength++;
            ensure();
            chars[size] = c;
            start[size] = s;
            end[size] = e;
            flags[size] = f;
            if (leet(c) != 0) leetCandidates++;
            size++;
        }

        private void endToken() {
            if (tokenLength == 1) longestSingleRun = Math.max(longestSingleRun, ++singleRun);
            else if (tokenLength > 1) singleRun = 0;
            tokenLength = 0;
        }

        /** The most one-letter words in a row ({@code c h a t} is four). */
        int longestSingleLetterRun() {
            endToken();
            return longestSingleRun;
        }

        void boundary(int s, int e) {
            if (size == 0 || chars[size - 1] == NormalizedText.BOUNDARY) return;
            endToken();
            ensure();
            chars[size] = NormalizedText.BOUNDARY;
            start[size] = s;
            end[size] = e;
            flags[size] = 0;
            size++;
        }

        private void ensure() {
            if (size == chars.length) {
                int capacity = chars.length * 2;
                chars = java.util.Arrays.copyOf(chars, capacity);
                start = java.util.Arrays.copyOf(start, capacity);
                end = java.util.Arrays.copyOf(end, capacity);
                flags = java.util.Arrays.copyOf(flags, capacity);
            }
        }

        /**
         * Digits and symbols read as letters only inside a word that has real letters ({@code h3ll0}), so that
         * numbers stay numbers ({@code 2024}); a symbol reads as a letter only before another letter or digit
         * ({@code $hit}, not the {@code !} of {@code chat!}), and is a boundary otherwise.
         */
        void resolveLeetspeak() {
            boolean newBoundaries = false;
            int i = 0;
            while (i < size) {
                if (chars[i] == NormalizedText.BOUNDARY) {
                    i++;
                    continue;
                }
                int j = i;
                boolean hasLetter = false;
                boolean hasCandidate = false;
                for (; j < size && chars[j] != NormalizedText.BOUNDARY; j++) {
                    char c = chars[j];
                    if (isLetter(c)) hasLetter = true;
                    else if (leet(c) != 0) hasCandidate = true;
                }
                if (hasCandidate) {
                    for (int k = i; k < j; k++) {
                        char c = chars[k];
                        if (isLetter(c) || leet(c) == 0) continue;
                        boolean symbol = c < '0' || c > '9';
                        boolean beforeAlnum = k + 1 < j && (isLetter(chars[k + 1]) || (chars[k + 1] >= '0' && chars[k + 1] <= '9'));
                        if (hasLetter && (!symbol || beforeAlnum)) {
                            chars[k] = leet(c);
                            flags[k] |= Normalization.LEETSPEAK.bit();
                        } else if (symbol) {
                            chars[k] = NormalizedText.BOUNDARY;
                            newBoundaries = true;
                        }
                    }
                }
                i = j;
            }
            if (newBoundaries) compactBoundaries();
        }

        private static boolean isLetter(char c) {
            return c < 128 ? c >= 'a' && c <= 'z' : Character.isLetter(c);
        }

        /** {@code c h a t} and {@code c.h.a.t}: three or more one-letter words in a row are one word. */
        void joinSpacedLetters() {
            int i = 0;
            while (i < size) {
                // i is the start of a token; count the one-character tokens that follow each other from here
                int singles = 0;
                int k = i;
                while (k < size && chars[k] != NormalizedText.BOUNDARY && (k + 1 == size || chars[k + 1] == NormalizedText.BOUNDARY)) {
                    singles++;
                    k += 2;
                }
                if (singles >= SPACED_LETTERS_MIN) {
                    for (int b = i + 1; b < i + 2 * (singles - 1); b += 2) {
                        chars[b] = 0;
                        flags[b + 1] |= Normalization.SEPARATORS.bit();
                    }
                    i += 2 * singles;
                } else {
                    while (i < size && chars[i] != NormalizedText.BOUNDARY) i++;
                    i++;
                }
            }
            int w = 0;
            for (int r = 0; r < size; r++) {
                if (chars[r] == 0) continue;
                move(r, w++);
            }
            size = w;
        }

        NormalizedText done() {
            while (size > 0 && chars[size - 1] == NormalizedText.BOUNDARY) size--;
            return new NormalizedText(chars, size, start, end, flags);
        }

        NormalizedText collapseRepeats() {
            int w = 0;
            for (int r = 0; r < size; r++) {
                if (w > 0 && chars[r] == chars[w - 1] && chars[r] != NormalizedText.BOUNDARY) {
                    end[w - 1] = end[r];
                    flags[w - 1] |= flags[r] | Normalization.REPEATED.bit();
                    continue;
                }
                move(r, w++);
            }
            size = w;
            return done();
        }

        private void compactBoundaries() {
            int w = 0;
            for (int r = 0; r < size; r++) {
                if (chars[r] == NormalizedText.BOUNDARY && (w == 0 || chars[w - 1] == NormalizedText.BOUNDARY)) continue;
                move(r, w++);
            }
            size = w;
        }

        private void move(int from, int to) {
            chars[to] = chars[from];
            start[to] = start[from];
            end[to] = end[from];
            flags[to] = flags[from];
        }
    }
}
