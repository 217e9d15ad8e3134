package warden.automod;

/**
 * Text reduced to what matching needs (lower-case letters and digits, one {@link #BOUNDARY} between words), with
 * each character mapped back to the span of the original text it came from, and the normalisations it needed.
 */
final class NormalizedText {
    static final char BOUNDARY = ' ';

    final char[] chars;
    final int length;
    /** Original UTF-16 span of each normalised character: {@code [start[i], end[i])}. */
    final int[] start;
    final int[] end;
    final int[] flags;

    NormalizedText(char[] chars, int length, int[] start, int[] end, int[] flags) {
        this.chars = chars;
        this.length = length;
        this.start = start;
        this.end = end;
        this.flags = flags;
    }

    boolean tokenStartsAt(int i) {
        return i == 0 || chars[i - 1] == BOUNDARY;
    }

    boolean tokenEndsAt(int i) {
        return i == length - 1 || chars[i + 1] == BOUNDARY;
    }

    /** The whole token (word) around normalised position {@code i}. */
    String tokenAround(int from, int to) {
        int s = from;
        while (s > 0 && chars[s - 1] != BOUNDARY) s--;
        int e = to;
        while (e < length && chars[e] != BOUNDARY) e++;
        return new String(chars, s, e - s);
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
