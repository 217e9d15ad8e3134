package warden.discord;

/**
 * The name a message is posted under through a webhook, made acceptable to Discord: 1 to 80 characters, and never
 * "discord" or "clyde" in any case (Discord refuses the whole message otherwise). A forbidden word keeps its look:
 * one letter becomes its Cyrillic twin.
 */
public final class WebhookNames {

    static final int MAX = 80;
    private static final String FALLBACK = "Member";

    private WebhookNames() {}

    public static String safe(String name) {
        String text = name == null ? "" : name.strip();
        if (text.isEmpty()) text = FALLBACK;
        text = defuse(text, "discord", 'o', '\u043E', '\u041E');
        text = defuse(text, "clyde", 'c', '\u0441', '\u0421');
        return text.length() > MAX ? text.substring(0, MAX - 1) + "…" : text;
    }

    /** Replaces {@code letter} (either case) inside every occurrence of {@code word}, in any case, by its look-alike. */
    private static String defuse(String text, String word, char letter, char lower, char upper) {
        StringBuilder out = new StringBuilder(text);
        int offset = word.indexOf(letter);
        for (int at = 0; at + word.length() <= out.length(); at++) {
            if (out.substring(at, at + word.length()).equalsIgnoreCase(word)) {
                char c = out.charAt(at + offset);
                out.setCharAt(at + offset, Character.isUpperCase(c) ? upper : lower);
            }
        }
        return out.toString();
    }
}
