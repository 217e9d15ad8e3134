package warden.automod;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.lang.UCharacterCategory;
import com.ibm.icu.lang.UProperty;
import com.ibm.icu.text.Normalizer2;
import com.ibm.icu.text.SpoofChecker;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Undoes the usual evasions before matching, in one pass, keeping a map back to the original characters:
 * invisible and format characters, compatibility forms (NFKC: fullwidth, mathematical letters), Unicode
 * confusables (ICU's skeleton: Cyrillic "а" is "a"), diacritics, case, leetspeak ({@code h3ll0}), URL encoding,
 * markdown inside words ({@code ch**a**t}), letters spaced out ({@code c h a t}, {@code c.h.a.t}) and repeated
 * letters ({@code chaaaat}, kept as one letter that counts how often it stood, so that a doubled letter is never
 * lost: {@code ass} is not {@code as}). Emoji are kept, each its own word, without skin tones or variation
 * selectors. Forbidden words go through the same normaliser, so both sides always agree.
 */
final class TextNormalizer {

    private static final Normalizer2 NFKD = Normalizer2.getNFKDInstance();
    private static final Normalizer2 NFC = Normalizer2.getNFCInstance();
    private static final SpoofChecker SPOOF = new SpoofChecker.Builder().build();
    /** Non-ASCII code point -> its folded form (letters/digits only, maybe empty), computed once. */
    private static final ConcurrentHashMap<Integer, Folded> FOLDED = new ConcurrentHashMap<>();

    private static final int SPACED_LETTERS_MIN = 3;

    /**
     * @param mark   a combining mark: it reveals a diacritic on the previous letter instead of ending a word
     * @param accent the lower-case accented letter when {@code text} is that letter without its accent, else 0
     * @param emoji  the character an emoji stands as in normalised text (see {@link #emojiChar}), else 0
     */
    private record Folded(String text, int flags, boolean mark, char accent, char emoji) {
        Folded(String text, int flags, boolean mark) {
            this(text, flags, mark, (char) 0, (char) 0);
        }
    }

    private TextNormalizer() {}

    /** A forbidden word or an allowed word, normalised like message text (without the spaced-letters rule). */
    static NormalizedText normalizeEntry(String word) {
        return normalize(word.strip(), false);
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
                    units.add(c, i, i + width, flags | pending, (char) 0);
                    pending = 0;
                } else if (c >= 'A' && c <= 'Z') {
                    units.add((char) (c + 32), i, i + width, flags | pending | Normalization.CASE.bit(), (char) 0);
                    pending = 0;
                } else if (isMarkdown(c)) {
                    pending |= Normalization.MARKDOWN.bit();
                } else if (leet(c) != 0) {
                    units.add(c, i, i + width, flags | pending, (char) 0);
                    pending = 0;
                } else {
                    units.boundary(i, i + width);
                }
            } else if (units.afterEmoji() && isEmojiModifier(cp)) {
                units.extendLast(i + width, 0, (char) 0); // 🖕🏽 is 🖕: the span keeps its skin tone
            } else if (isInvisible(cp)) {
                pending |= Normalization.INVISIBLE.bit();
            } else {
                Folded folded = fold(cp);
                if (folded.emoji() != 0) {
                    units.emoji(folded.emoji(), i, i + width, flags | pending);
                    pending = 0;
                } else if (folded.text().isEmpty()) {
                    if (folded.mark() && units.endsAt(i)) {
                        units.extendLast(i + width, Normalization.DIACRITIC.bit(), composedAccent(text, i, cp));
                    } else if (folded.mark()) {
                        pending |= Normalization.DIACRITIC.bit();
                    } else {
                        units.boundary(i, i + width);
                    }
                } else {
                    for (int k = 0; k < folded.text().length(); k++) {
                        units.add(
                                folded.text().charAt(k),
                                i,
                                i + width,
                                flags | pending | folded.flags(),
                                folded.accent());
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
        return rewritten ? units.collapseRepeats(text) : units.done(text);
    }

    /** The accented letter a combining mark makes of the letter before it ({@code e} + U+0301 is {@code é}), or 0. */
    private static char composedAccent(String text, int markAt, int mark) {
        int base = text.codePointBefore(markAt);
        int composed = NFC.composePair(base, mark);
        return composed > 0 && composed < 0x10000 ? (char) UCharacter.toLowerCase(composed) : 0;
    }

    /**
     * Emoji as one character each in normalised text: those of the basic plane as themselves, those of the
     * supplementary pictographic plane block (U+1F000-U+1FFFF, where nearly all emoji live) in the private use area
     * U+E000-U+EFFF, which the normaliser never outputs otherwise (private use characters are word boundaries).
     */
    private static char emojiChar(int cp) {
        if (cp < 0x10000) return (char) cp;
        if (cp >= 0x1F000 && cp <= 0x1FFFF) return (char) (0xE000 + (cp - 0x1F000));
        return 0;
    }

    static boolean isEmojiUnit(char c) {
        return c != NormalizedText.BOUNDARY && !Character.isLetterOrDigit(c) && leet(c) == 0;
    }

    /** What may follow an emoji inside it: skin tones, variation selectors, the zero-width joiner, tag characters. */
    private static boolean isEmojiModifier(int cp) {
        return (cp >= 0x1F3FB && cp <= 0x1F3FF)
                || cp == 0xFE0E
                || cp == 0xFE0F
                || cp == 0x200D
                || (cp >= 0xE0020 && cp <= 0xE007F);
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
            if (named != 0) return new Folded(String.valueOf(named), Normalization.COMPATIBILITY.bit(), false);
            char emoji = UCharacter.hasBinaryProperty(cp, UProperty.EXTENDED_PICTOGRAPHIC) ? emojiChar(cp) : 0;
            if (emoji != 0) return new Folded("", 0, false, (char) 0, emoji);
            return new Folded("", 0, Character.getType(cp) == Character.NON_SPACING_MARK);
        }
        int flags = 0;
        String source = new String(Character.toChars(cp));
        String decomposed = NFKD.normalize(source);
        if (!decomposed.equals(source)
                && !NFKD.normalize(source).equals(Normalizer2.getNFDInstance().normalize(source))) {
            flags |= Normalization.COMPATIBILITY.bit();
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < decomposed.length(); ) {
            int c = decomposed.codePointAt(i);
            i += Character.charCount(c);
            int type = UCharacter.getType(c);
            if (type == UCharacterCategory.NON_SPACING_MARK
                    || type == UCharacterCategory.ENCLOSING_MARK
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
        int lower = UCharacter.toLowerCase(cp);
        char accent =
                (flags & Normalization.DIACRITIC.bit()) != 0 && out.length() == 1 && lower < 0x10000 ? (char) lower : 0;
        return new Folded(out.toString(), flags, false, accent, (char) 0);
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
        skeleton.codePoints()
                .filter(c -> {
                    int type = UCharacter.getType(c);
                    return type != UCharacterCategory.NON_SPACING_MARK && type != UCharacterCategory.ENCLOSING_MARK;
                })
                .forEach(out::appendCodePoint);
        return out.toString();
    }

    static boolean isInvisible(int cp) {
        if (cp < 0xAD) return false;
        int type = Character.getType(cp);
        return type == Character.FORMAT // zero-width, bidi controls, soft hyphen, tags
                || (cp >= 0xFE00 && cp <= 0xFE0F)
                || (cp >= 0xE0100 && cp <= 0xE01EF) // variation selectors
                || cp == 0x034F
                || cp == 0x115F
                || cp == 0x1160
                || cp == 0x3164
                || cp == 0xFFA0; // fillers
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
        /** Allocated at the first repeat, and at the first accent: plain messages never need them. */
        byte[] runs;

        char[] accents;
        int size;
        int leetCandidates;
        /** Length of the current word, run of one-letter words in a row, and the longest such run so far. */
        private int tokenLength;

        private int singleRun;
        private int longestSingleRun;
        /** The last unit is an emoji: what follows is a new word, or a modifier of that emoji. */
        private boolean afterEmoji;

        Units(int capacity) {
            chars = new char[capacity];
            start = new int[capacity];
            end = new int[capacity];
            flags = new int[capacity];
        }

        void add(char c, int s, int e, int f, char accent) {
            if (afterEmoji) boundary(s, s);
            // **word**: markdown around a word hides nothing; only inside one (ch**a**t) does it reveal an evasion
            if (size == 0 || chars[size - 1] == NormalizedText.BOUNDARY) f &= ~Normalization.MARKDOWN.bit();
            if (size > 0 && chars[size - 1] == c) { // chaaaat: one letter, its span grows, its run counts
                end[size - 1] = e;
                flags[size - 1] |= f;
                if (runs == null) {
                    runs = new byte[chars.length];
                    java.util.Arrays.fill(runs, 0, size, (byte) 1);
                }
                if (runs[size - 1] < Byte.MAX_VALUE) runs[size - 1]++;
                if (accent != 0 && accent(size - 1) == 0) setAccent(size - 1, accent);
                return;
            }
            tokenLength++;
            append(c, s, e, f, accent);
            if (leet(c) != 0) leetCandidates++;
        }

        /** An emoji is a word of its own: never joined with letters, never a spaced-out letter. */
        void emoji(char c, int s, int e, int f) {
            boundary(s, s);
            endToken();
            singleRun = 0;
            append(c, s, e, f, (char) 0);
            afterEmoji = true;
        }

        boolean afterEmoji() {
            return afterEmoji;
        }

        /** The last unit ends where the text is now (no boundary or skipped character in between). */
        boolean endsAt(int i) {
            return size > 0 && chars[size - 1] != NormalizedText.BOUNDARY && end[size - 1] == i;
        }

        /** A combining mark or an emoji modifier belongs to the unit before it. */
        void extendLast(int e, int f, char accent) {
            end[size - 1] = e;
            flags[size - 1] |= f;
            if (accent != 0) setAccent(size - 1, accent);
        }

        private char accent(int i) {
            return accents == null ? 0 : accents[i];
        }

        private void setAccent(int i, char accent) {
            if (accents == null) accents = new char[chars.length];
            accents[i] = accent;
        }

        private void append(char c, int s, int e, int f, char accent) {
            ensure();
            chars[size] = c;
            start[size] = s;
            end[size] = e;
            flags[size] = f;
            if (runs != null) runs[size] = 1;
            if (accents != null) accents[size] = 0;
            if (accent != 0) setAccent(size, accent);
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
            afterEmoji = false;
            if (size == 0 || chars[size - 1] == NormalizedText.BOUNDARY) return;
            endToken();
            append(NormalizedText.BOUNDARY, s, e, 0, (char) 0);
        }

        private void ensure() {
            if (size == chars.length) {
                int capacity = chars.length * 2;
                chars = java.util.Arrays.copyOf(chars, capacity);
                start = java.util.Arrays.copyOf(start, capacity);
                end = java.util.Arrays.copyOf(end, capacity);
                flags = java.util.Arrays.copyOf(flags, capacity);
                if (runs != null) runs = java.util.Arrays.copyOf(runs, capacity);
                if (accents != null) accents = java.util.Arrays.copyOf(accents, capacity);
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
                        boolean beforeAlnum =
                                k + 1 < j && (isLetter(chars[k + 1]) || (chars[k + 1] >= '0' && chars[k + 1] <= '9'));
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
                while (k < size
                        && chars[k] != NormalizedText.BOUNDARY
                        && !isEmojiUnit(chars[k])
                        && (k + 1 == size || chars[k + 1] == NormalizedText.BOUNDARY)) {
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

        NormalizedText done(String original) {
            while (size > 0 && chars[size - 1] == NormalizedText.BOUNDARY) size--;
            return new NormalizedText(original, chars, size, start, end, flags, runs, accents);
        }

        /** After a rewrite, letters that now stand next to each other ({@code a.a} joined) are one run. */
        NormalizedText collapseRepeats(String original) {
            int w = 0;
            for (int r = 0; r < size; r++) {
                if (w > 0
                        && chars[r] == chars[w - 1]
                        && chars[r] != NormalizedText.BOUNDARY
                        && !isEmojiUnit(chars[r])) {
                    end[w - 1] = end[r];
                    flags[w - 1] |= flags[r];
                    if (runs == null) {
                        runs = new byte[chars.length];
                        java.util.Arrays.fill(runs, (byte) 1);
                    }
                    runs[w - 1] = (byte) Math.min(Byte.MAX_VALUE, runs[w - 1] + runs[r]);
                    if (accent(w - 1) == 0 && accent(r) != 0) setAccent(w - 1, accent(r));
                    continue;
                }
                move(r, w++);
            }
            size = w;
            return done(original);
        }

        private void compactBoundaries() {
            int w = 0;
            for (int r = 0; r < size; r++) {
                if (chars[r] == NormalizedText.BOUNDARY && (w == 0 || chars[w - 1] == NormalizedText.BOUNDARY))
                    continue;
                move(r, w++);
            }
            size = w;
        }

        private void move(int from, int to) {
            chars[to] = chars[from];
            start[to] = start[from];
            end[to] = end[from];
            flags[to] = flags[from];
            if (runs != null) runs[to] = runs[from];
            if (accents != null) accents[to] = accents[from];
        }
    }
}
