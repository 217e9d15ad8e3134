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
            if (c == '<') {
                st.graphemes = true;
                int close = s.indexOf('>', i);
                if (close > 0 && close - i < 80) { // <@123>, <#123>, <:name:id>: neither letters nor shouting
                    st.visible++;
                    i = close;
                    lineStart = false;
                    continue;
                }
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
                            if (i > 0 && i + 1 < n && Character.isLetterOrDigit(s.charAt(i - 1)) && Character.isLetterOrDigit(s.charAt(i + 1))) {
                                st.linkHint = true;
                            }
                        }
                        case '(', '[', '{' -> {
                            if (i + 1 < n && (s.charAt(i + 1) == '.' || s.charAt(i + 1) == 'd' || s.charAt(i + 1) == 'D')) st.linkHint = true;
                        }
                        case '`' -> st.backtick = true;
                        case '|' -> {
                            if (i > 0 && s.charAt(i - 1) == '|') st.doublePipe = true;
                        }
                        case ']' -> {
                            if (i + 1 < n && s.charAt(i + 1) == '(') st.maskedLinkHint = true;
                        }
                        default -> {
                        }
                    }
                }
                if ((c == 't' || c == 'T') && i >= 3 && s.charAt(i - 3) == ' ' && (s.charAt(i - 1) == 'o' || s.charAt(i - 1) == 'O')
                        && (s.charAt(i - 2) == 'd' || s.charAt(i - 2) == 'D')) {
                    st.linkHint = true; // " dot "
                }
            } else if (Character.isSurrogate(c)) { // emojis and other astral characters: no letters, no casing
                st.graphemes = true;
                if (c == 0xD835 // mathematical letters
                        || (c == 0xD83C && i + 1 < n && s.charAt(i + 1) >= 0xDD00 && s.charAt(i + 1) <= 0xDDFF)) { // enclosed letters
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
}
