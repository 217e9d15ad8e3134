package warden.automod;

/**
 * What several modules need to know about a message, gathered in a single pass over its characters: letter
 * counts for caps, visible characters for emojis, and sound hints that let the link, invite and markdown modules
 * skip messages that cannot concern them.
 */
final class MessageStats {
    private static final com.ibm.icu.text.Normalizer2 NFKC = com.ibm.icu.text.Normalizer2.getNFKCInstance();
    static final int LINE_HASH = 1, LINE_DASH = 2, LINE_STAR = 4, LINE_PLUS = 8, LINE_QUOTE = 16, LINE_DIGIT = 32;

    int letters;
    int upper;
    int visible;
    /** Some character needs grapheme analysis (emoji candidates, custom emojis). */
    boolean graphemes;

    boolean slash;
    boolean percent;
    boolean linkHint;
    boolean backtick;
    boolean doublePipe;
    boolean maskedLinkHint;
    int lineStarts;

    static MessageStats of(String s) {
        MessageStats st = new MessageStats();
        int n = s.length();
        boolean lineStart = true;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c == '<' && isDiscordToken(s, i)) {
                st.graphemes = true;
                int close = s.indexOf('>', i);
                if (close > 0 && close - i < 80) { // <@123>, <#123>, <:name:id>: neither letters nor shouting
                    st.visible++;
                    i = close;
                    lineStart = false;
                    continue;
                }
            }
            if (c == '`') {
                int close = codeEnd(s, i);
                if (close > 0) { // code is quoted, not shouted: its letters do not count, its hints still do
                    st.backtick = true;
                    st.hints(s, i, close);
                    i = close - 1;
                    lineStart = false;
                    continue;
                }
            }
            if (c == ':' && i + 2 < n && s.charAt(i + 1) == '/' && s.charAt(i + 2) == '/') {
                // an address: the letters of its scheme were counted, the rest is not prose
                for (int k = i - 1;
                        k >= 0
                                && (s.charAt(k) >= 'a' && s.charAt(k) <= 'z'
                                        || s.charAt(k) >= 'A' && s.charAt(k) <= 'Z');
                        k--) {
                    st.letters--;
                    if (s.charAt(k) <= 'Z') st.upper--;
                }
                int end = i;
                while (end < n && !Character.isWhitespace(s.charAt(end)) && "<>\"'`|".indexOf(s.charAt(end)) < 0) end++;
                st.linkHint = true;
                st.hints(s, i, end);
                i = end - 1;
                continue;
            }
            if (c == '\n') {
                lineStart = true;
                continue;
            }
            if (c == ' ' || c == '\t' || c == '\r') continue;
            if (lineStart) {
                st.lineStarts |= switch (c) {
                    case '#' -> LINE_HASH;
                    case '-' -> LINE_DASH;
                    case '*' -> LINE_STAR;
                    case '+' -> LINE_PLUS;
                    case '>' -> LINE_QUOTE;
                    default -> c >= '0' && c <= '9' ? LINE_DIGIT : 0;
                };
                lineStart = false;
            }
            st.visible++;
            if (c < 128) {
                if (c >= 'a' && c <= 'z') {
                    st.letters++;
                } else if (c >= 'A' && c <= 'Z') {
                    st.letters++;
                    st.upper++;
                } else {
                    switch (c) {
                        case '/' -> {
                            st.slash = true;
                            if (i > 0 && s.charAt(i - 1) == '/' && i > 1 && s.charAt(i - 2) == ':') st.linkHint = true;
                        }
                        case '%' -> {
                            st.percent = true;
                            st.linkHint = true;
                        }
                        case '.' -> {
                            if (i > 0
                                    && i + 1 < n
                                    && Character.isLetterOrDigit(s.charAt(i - 1))
                                    && Character.isLetterOrDigit(s.charAt(i + 1))) {
                                st.linkHint = true;
                            }
                        }
                        case '(', '[', '{' -> {
                            if (i + 1 < n
                                    && (s.charAt(i + 1) == '.' || s.charAt(i + 1) == 'd' || s.charAt(i + 1) == 'D'))
                                st.linkHint = true;
                        }
                        case '`' -> st.backtick = true;
                        case '|' -> {
                            if (i > 0 && s.charAt(i - 1) == '|') st.doublePipe = true;
                        }
                        case ']' -> {
                            if (i + 1 < n && s.charAt(i + 1) == '(') st.maskedLinkHint = true;
                        }
                        default -> {}
                    }
                }
                if ((c == 't' || c == 'T')
                        && i >= 3
                        && s.charAt(i - 3) == ' '
                        && (s.charAt(i - 1) == 'o' || s.charAt(i - 1) == 'O')
                        && (s.charAt(i - 2) == 'd' || s.charAt(i - 2) == 'D')) {
                    st.linkHint = true; // " dot "
                }
            } else if (Character.isSurrogate(c)) { // emojis and other astral characters: no letters, no casing
                st.graphemes = true;
                if (c == 0xD835 // mathematical letters
                        || (c == 0xD83C
                                && i + 1 < n
                                && s.charAt(i + 1) >= 0xDD00
                                && s.charAt(i + 1) <= 0xDDFF)) { // enclosed letters
                    st.linkHint = true;
                }
                if (Character.isHighSurrogate(c)) st.visible--; // a pair is one visible character
            } else {
                if (c >= 0x2000 || c == 0xA9 || c == 0xAE) st.graphemes = true;
                if (c == 0xFF0E || c == 0xFF0F) {
                    st.linkHint = true;
                    st.slash = true;
                }
                if (Character.isLetter(c)) {
                    st.letters++;
                    if (Character.isUpperCase(c)) st.upper++;
                }
                // compatibility forms (fullwidth) and invisible characters may hide a link
                if (!NFKC.isInert(c) || Character.getType(c) == Character.FORMAT) st.linkHint = true;
            }
        }
        return st;
    }

    /** Discord's own tokens: mentions, channels, custom emojis, timestamps, slash-command mentions. */
    private static boolean isDiscordToken(String s, int i) {
        if (i + 1 >= s.length()) return false;
        char next = s.charAt(i + 1);
        return next == '@'
                || next == '#'
                || next == ':'
                || next == '/'
                || (next == 'a' || next == 't') && i + 2 < s.length() && s.charAt(i + 2) == ':';
    }

    /** The index after the backticks closing a code span or block opened at {@code i}, or -1 when it is not closed. */
    private static int codeEnd(String s, int i) {
        int run = 0;
        while (i + run < s.length() && s.charAt(i + run) == '`') run++;
        if (run != 1 && run != 3 && run != 2) return -1;
        int close = s.indexOf("`".repeat(run), i + run);
        return close < 0 ? -1 : close + run;
    }

    /** What a skipped region may hide from the link, invite and emoji modules, counted conservatively. */
    private void hints(String s, int from, int to) {
        for (int k = from; k < to; k++) {
            char c = s.charAt(k);
            if (c == ' ' || c == '\n' || c == '\t' || c == '\r') continue;
            visible++;
            if (c == '/' || c == 0xFF0F) slash = true;
            if (c == '%') percent = true;
            if (c == '.' || c == '%' || c == '(' || c == '[' || c == '{' || c >= 128) linkHint = true;
            if (c >= 0x2000 || c == 0xA9 || c == 0xAE) graphemes = true;
            if (Character.isHighSurrogate(c)) visible--;
        }
    }
}
