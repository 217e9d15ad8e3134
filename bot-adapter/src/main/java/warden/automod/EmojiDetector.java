package warden.automod;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.lang.UProperty;
import com.ibm.icu.text.BreakIterator;

import java.util.List;

/**
 * Excessive emojis, Unicode (a whole grapheme cluster, skin tones and ZWJ sequences included, counts as one) and
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

    record Count(int emojis, int visible) {
    }

    static Count count(String content) {
        int emojis = 0;
        int visible = 0;
        boolean plain = true;
        for (int i = 0; i < content.length(); i++) {
            char c = content.charAt(i);
            if (c >= 0x2000 || c == '<' || c == 0xA9 || c == 0xAE) {
                plain = false;
                break;
            }
        }
        if (plain) {
            for (int i = 0; i < content.length(); i++) if (!Character.isWhitespace(content.charAt(i))) visible++;
            return new Count(0, visible);
        }
        BreakIterator graphemes = BreakIterator.getCharacterInstance();
        graphemes.setText(content);
        int start = graphemes.first();
        for (int end = graphemes.next(); end != BreakIterator.DONE; start = end, end = graphemes.next()) {
            int cp = content.codePointAt(start);
            if (cp == '<') {
                int close = customEmojiEnd(content, start);
                if (close > 0) {
                    emojis++;
                    visible++;
                    // skip the whole <:name:id>
                    while (end != BreakIterator.DONE && end < close) end = graphemes.next();
                    if (end == BreakIterator.DONE) break;
                    continue;
                }
            }
            if (Character.isWhitespace(cp)) continue;
            visible++;
            if (isEmoji(content, start, end)) emojis++;
        }
        return new Count(emojis, visible);
    }

    private static boolean isEmoji(String s, int start, int end) {
        for (int i = start; i < end; ) {
            int cp = s.codePointAt(i);
            if (UCharacter.hasBinaryProperty(cp, UProperty.EXTENDED_PICTOGRAPHIC)
                    || UCharacter.hasBinaryProperty(cp, UProperty.REGIONAL_INDICATOR)) return true;
            if (cp == 0x20E3) return true; // keycap
            i += Character.charCount(cp);
        }
        return false;
    }

    /** End (exclusive) of a custom emoji starting at {@code start}, or -1. */
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
        Count count = count(scan.message().content());
        if (count.emojis() < settings.minCount() || count.visible() == 0) return;
        int percent = count.emojis() * 100 / count.visible();
        if (percent < settings.minPercent()) return;
        out.add(new Violation(module(), List.of(Spans.whole(scan.message().content(), "emojis:" + count.emojis())),
                List.of(), policyVersion, Violation.Action.DELETE, settings.silent(), "automod.reason.emojis",
                List.of(count.emojis())));
    }
}
