package warden.automod;

/**
 * Text reduced to what matching needs (lower-case letters and digits, emoji, one {@link #BOUNDARY} between words),
 * with each character mapped back to the span of the original text it came from, the normalisations it needed, how
 * many times it was repeated in a row, and the accented letter it was folded from.
 */
final class NormalizedText {
    static final char BOUNDARY = ' ';

    final String original;
    final char[] chars;
    final int length;
    /** Original UTF-16 span of each normalised character: {@code [start[i], end[i])}. */
    final int[] start;

    final int[] end;
    final int[] flags;
    /** See {@link #run}; null while every character stood once (most messages need no more arrays than that). */
    private final byte[] runs;
    /** See {@link #accent}; null while no character had one. */
    private final char[] accents;

    NormalizedText(
            String original,
            char[] chars,
            int length,
            int[] start,
            int[] end,
            int[] flags,
            byte[] runs,
            char[] accents) {
        this.original = original;
        this.chars = chars;
        this.length = length;
        this.start = start;
        this.end = end;
        this.flags = flags;
        this.runs = runs;
        this.accents = accents;
    }

    /**
     * How many times character {@code i} stood in a row ({@code chaaat}: the {@code a} is 3), so that a doubled
     * letter counts; at most {@link Byte#MAX_VALUE}.
     */
    int run(int i) {
        return runs == null ? 1 : runs[i];
    }

    /** The lower-case accented letter character {@code i} was folded from ({@code é} for {@code e}), or 0. */
    char accent(int i) {
        return accents == null ? 0 : accents[i];
    }

    boolean tokenStartsAt(int i) {
        return i == 0 || chars[i - 1] == BOUNDARY;
    }

    boolean tokenEndsAt(int i) {
        return i == length - 1 || chars[i + 1] == BOUNDARY;
    }

    int tokenStart(int i) {
        while (i > 0 && chars[i - 1] != BOUNDARY) i--;
        return i;
    }

    int tokenEnd(int i) {
        while (i < length && chars[i] != BOUNDARY) i++;
        return i;
    }

    /**
     * The whole token (word) around normalised positions {@code [from, to)}, with its repeats: {@code boob} reads
     * {@code bo×2b}, so that an allowed {@code bob} does not allow it.
     */
    String tokenAround(int from, int to) {
        return key(tokenStart(from), tokenEnd(to));
    }

    /** Characters {@code [from, to)} with their repeats, as {@link #tokenAround} writes them. */
    String key(int from, int to) {
        StringBuilder key = new StringBuilder(to - from + 2);
        for (int i = from; i < to; i++) {
            key.append(chars[i]);
            if (run(i) > 1) key.append('×').append(run(i));
        }
        return key.toString();
    }

    /** The original text the normalised characters {@code [from, to)} came from. */
    String originalOf(int from, int to) {
        return original.substring(start[from], end[to - 1]);
    }

    /**
     * The original word that normalised characters {@code [from, to)} belong to, extended over hyphens and
     * apostrophes joining it to other letters ({@code kick-ass}, {@code aujourd'hui}).
     */
    String compoundAround(int from, int to) {
        int s = start[from];
        int e = end[to - 1];
        while (s >= 2 && isJoiner(original.charAt(s - 1)) && Character.isLetter(original.codePointBefore(s - 1))) {
            s--;
            while (s > 0 && Character.isLetter(original.codePointBefore(s)))
                s -= Character.charCount(original.codePointBefore(s));
        }
        while (e + 1 < original.length()
                && isJoiner(original.charAt(e))
                && Character.isLetter(original.codePointAt(e + 1))) {
            e++;
            while (e < original.length() && Character.isLetter(original.codePointAt(e)))
                e += Character.charCount(original.codePointAt(e));
        }
        return original.substring(s, e);
    }

    static boolean isJoiner(char c) {
        return c == '-' || c == '\'' || c == '\u2019' || c == '\u2010' || c == '\u2011';
    }

    int flagsBetween(int from, int to) {
        int mask = 0;
        for (int i = from; i < to; i++) mask |= flags[i];
        return mask;
    }

    @Override
    public String toString() {
        return new String(chars, 0, length);
    }
}
