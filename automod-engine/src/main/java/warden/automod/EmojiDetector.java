package warden.automod;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.lang.UProperty;
import java.util.List;

/**
 * Excessive emojis, Unicode (a ZWJ sequence, a flag, a skin-toned or keycap emoji counts as one) and
 * custom ({@code <:name:id>}, {@code <a:name:id>}); flagged when both the count and the share reach their minimum.
 */
final class EmojiDetector implements Detector {
    private final EmojiSettings settings;

    EmojiDetector(EmojiSettings settings) {
        this.settings = settings;
    }

    @Override
    public AutomodModule module() {
        return AutomodModule.EMOJIS;
    }

    @Override
    public ModuleSettings settings() {
        return settings;
    }

    record Count(int emojis, int visible) {}

    /** Extended_Pictographic, precomputed for the planes where emojis live. */
    private static final java.util.BitSet PICTOGRAPHIC = new java.util.BitSet(0x20000);

    static {
        for (int cp = 0; cp < 0x20000; cp++) {
            if (UCharacter.hasBinaryProperty(cp, UProperty.EXTENDED_PICTOGRAPHIC)) PICTOGRAPHIC.set(cp);
        }
    }

    private static boolean pictographic(int cp) {
        return cp < 0x20000 && PICTOGRAPHIC.get(cp);
    }

    private static boolean regionalIndicator(int cp) {
        return cp >= 0x1F1E6 && cp <= 0x1F1FF;
    }

    /** What may follow an emoji inside the same one: variation selector, skin tone, tag, keycap. */
    private static boolean emojiContinuation(int cp) {
        return cp == 0xFE0F
                || cp == 0xFE0E
                || (cp >= 0x1F3FB && cp <= 0x1F3FF)
                || (cp >= 0xE0020 && cp <= 0xE007F)
                || cp == 0x20E3;
    }

    /**
     * Counts emojis the way people see them: a ZWJ family, a flag (two regional indicators), a skin-toned hand or
     * a keycap is one emoji; a custom emoji is one; every other visible character is one.
     */
    static Count count(String content, MessageStats stats) {
        if (!stats.graphemes) return new Count(0, stats.visible);
        int emojis = 0;
        int visible = 0;
        int n = content.length();
        for (int i = 0; i < n; ) {
            int cp = content.codePointAt(i);
            if (cp == '<') {
                int close = customEmojiEnd(content, i);
                if (close > 0) {
                    emojis++;
                    visible++;
                    i = close;
                    continue;
                }
            }
            i += Character.charCount(cp);
            if (Character.isWhitespace(cp) || TextNormalizer.isInvisible(cp) || emojiContinuation(cp)) continue;
            if (cp >= 0x300 && Character.getType(cp) == Character.NON_SPACING_MARK) continue;
            visible++;
            boolean keycapBase = (cp >= '0' && cp <= '9') || cp == '#' || cp == '*';
            if (keycapBase) {
                int j = i;
                if (j < n && content.codePointAt(j) == 0xFE0F) j++;
                if (j < n && content.codePointAt(j) == 0x20E3) {
                    emojis++;
                    i = j + 1;
                }
                continue;
            }
            if (regionalIndicator(cp)) {
                emojis++;
                if (i < n && regionalIndicator(content.codePointAt(i))) i += 2;
                continue;
            }
            if (!pictographic(cp)) continue;
            emojis++;
            while (i < n) { // the rest of the same emoji: modifiers, and further people joined by ZWJ
                int next = content.codePointAt(i);
                if (emojiContinuation(next)) {
                    i += Character.charCount(next);
                } else if (next == 0x200D && i + 1 < n && pictographic(content.codePointAt(i + 1))) {
                    i += 1 + Character.charCount(content.codePointAt(i + 1));
                } else {
                    break;
                }
            }
        }
        return new Count(emojis, visible);
    }

    /** End (exclusive) of a custom emoji ({@code <:name:id>}, {@code <a:name:id>}) starting at {@code start}, or -1. */
    private static int customEmojiEnd(String s, int start) {
        int i = start + 1;
        if (i < s.length() && s.charAt(i) == 'a') i++;
        if (i >= s.length() || s.charAt(i) != ':') return -1;
        int nameStart = ++i;
        while (i < s.length() && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '_')) i++;
        if (i - nameStart < 2 || i >= s.length() || s.charAt(i) != ':') return -1;
        int idStart = ++i;
        while (i < s.length() && Character.isDigit(s.charAt(i))) i++;
        if (i - idStart < 15 || i >= s.length() || s.charAt(i) != '>') return -1;
        return i + 1;
    }

    @Override
    public void detect(MessageScan scan, long policyVersion, List<Violation> out) {
        Count count = count(scan.message().content(), scan.stats());
        if (count.emojis() < settings.minCount() || count.visible() == 0) return;
        int percent = count.emojis() * 100 / count.visible();
        if (percent < settings.minPercent()) return;
        out.add(new Violation(
                module(),
                List.of(Spans.whole(scan.message().content(), "emojis:" + count.emojis())),
                List.of(),
                policyVersion,
                Violation.Action.DELETE,
                settings.silent(),
                "automod.reason.emojis",
                List.of(count.emojis())));
    }
}
