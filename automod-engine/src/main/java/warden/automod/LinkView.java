package warden.automod;

import com.ibm.icu.text.Normalizer2;

/**
 * Text prepared for finding links and invites: lower case, compatibility forms and look-alike letters folded
 * ({@code ｄｉｓｃｏｒｄ．ｇｇ}, {@code dіscord.gg} with a Cyrillic і),
 * invisible characters dropped, URL encoding decoded, written-out dots ({@code (.)}, {@code [dot]}) turned into
 * dots, and, in the compact form, the spaces around dots and slashes removed ({@code discord . gg / abc}). Each
 * character maps back to its span of the original text.
 */
final class LinkView {
    private static final Normalizer2 NFKC = Normalizer2.getNFKCInstance();
    private static final String[] DOT_SPELLINGS = {"(.)", "[.]", "{.}", "(dot)", "[dot]", "{dot}", " dot "};

    final String text;
    private final int[] start;
    private final int[] end;

    private LinkView(String text, int[] start, int[] end) {
        this.text = text;
        this.start = start;
        this.end = end;
    }

    /** {@code start} and {@code end} are null when the view is the original, lower-cased, character for character. */
    int originalStart(int i) {
        return start == null ? i : start[i];
    }

    int originalEnd(int i) {
        return end == null ? i : end[Math.max(i - 1, 0)];
    }

    static LinkView of(String original, boolean compact) {
        if (isPlain(original, compact)) return new LinkView(original.toLowerCase(java.util.Locale.ROOT), null, null);
        Builder folded = new Builder(original.length());
        for (int i = 0; i < original.length(); ) {
            int cp = original.codePointAt(i);
            int width = Character.charCount(cp);
            if (cp == '%'
                    && i + 2 < original.length()
                    && Character.digit(original.charAt(i + 1), 16) >= 0
                    && Character.digit(original.charAt(i + 2), 16) >= 0) {
                cp = Character.digit(original.charAt(i + 1), 16) * 16 + Character.digit(original.charAt(i + 2), 16);
                width = 3;
            }
            if (!TextNormalizer.isInvisible(cp)) {
                if (cp < 128) {
                    folded.add(Character.toLowerCase((char) cp), i, i + width);
                } else {
                    // look-alike letters inside a host name count as the letters they imitate (Cyrillic і in
                    // dіscord.gg)
                    String letters = TextNormalizer.foldedText(cp);
                    String nfkc = !letters.isEmpty() && letters.chars().allMatch(c -> c < 128)
                            ? letters
                            : NFKC.normalize(new String(Character.toChars(cp))).toLowerCase();
                    for (int k = 0; k < nfkc.length(); k++) folded.add(nfkc.charAt(k), i, i + width);
                }
            }
            i += width;
        }
        Builder dotted = new Builder(folded.size);
        String f = folded.toString();
        for (int i = 0; i < folded.size; ) {
            String spelling = dotSpellingAt(f, i);
            if (spelling != null) {
                dotted.add('.', folded.start[i], folded.end[i + spelling.length() - 1]);
                i += spelling.length();
            } else {
                dotted.add(f.charAt(i), folded.start[i], folded.end[i]);
                i++;
            }
        }
        if (!compact) return dotted.build();
        Builder tight = new Builder(dotted.size);
        String d = dotted.toString();
        for (int i = 0; i < dotted.size; i++) {
            char c = d.charAt(i);
            if (Character.isWhitespace(c) && (nearSeparator(d, i, -1) || nearSeparator(d, i, 1))) continue;
            tight.add(c, dotted.start[i], dotted.end[i]);
        }
        return tight.build();
    }

    /** Plain ASCII with nothing to decode, fold or tighten: the view is the text itself in lower case. */
    private static boolean isPlain(String s, boolean compact) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 128 || c == '%' || c == '(' || c == '[' || c == '{') return false;
            if (c == ' ' && (s.startsWith(" dot ", i) || s.startsWith(" DOT ", i))) return false;
            if (compact && Character.isWhitespace(c) && (nearSeparator(s, i, -1) || nearSeparator(s, i, 1)))
                return false;
        }
        return true;
    }

    private static String dotSpellingAt(String s, int i) {
        char c = s.charAt(i);
        if (c != '(' && c != '[' && c != '{' && c != ' ') return null;
        for (String spelling : DOT_SPELLINGS) {
            if (s.startsWith(spelling, i)) return spelling;
        }
        return null;
    }

    /** Whether the nearest non-space character in {@code direction} is a dot or a slash. */
    private static boolean nearSeparator(String s, int i, int direction) {
        for (int k = i + direction; k >= 0 && k < s.length(); k += direction) {
            char c = s.charAt(k);
            if (Character.isWhitespace(c)) continue;
            return c == '.' || c == '/';
        }
        return false;
    }

    private static final class Builder {
        final StringBuilder chars;
        int[] start;
        int[] end;
        int size;

        Builder(int capacity) {
            chars = new StringBuilder(capacity);
            start = new int[Math.max(capacity, 4)];
            end = new int[Math.max(capacity, 4)];
        }

        void add(char c, int s, int e) {
            if (size == start.length) {
                start = java.util.Arrays.copyOf(start, size * 2);
                end = java.util.Arrays.copyOf(end, size * 2);
            }
            chars.append(c);
            start[size] = s;
            end[size] = e;
            size++;
        }

        @Override
        public String toString() {
            return chars.toString();
        }

        LinkView build() {
            return new LinkView(chars.toString(), start, end);
        }
    }
}
