package warden.automod;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import warden.sanctions.Evidence;

/**
 * Forbidden Discord markdown. With "remove markdown" (the default) the message is reposted without it: paired
 * syntax (code, spoilers, masked links) is unwrapped, line syntax (headings, subtext, lists, quotes) is escaped.
 */
final class MarkdownDetector implements Detector {
    private static final Map<MarkdownKind, Pattern> PATTERNS = new EnumMap<>(MarkdownKind.class);

    static {
        PATTERNS.put(MarkdownKind.CODE_BLOCK, Pattern.compile("(?s)```[^\\n`]*\\n?.*?```"));
        PATTERNS.put(MarkdownKind.INLINE_CODE, Pattern.compile("``?[^`\\n]+``?"));
        PATTERNS.put(MarkdownKind.MASKED_LINK, Pattern.compile("\\[[^\\]\\n]+\\]\\(<?https?://[^)\\s]+>?\\)"));
        PATTERNS.put(MarkdownKind.SPOILER, Pattern.compile("(?s)\\|\\|.+?\\|\\|"));
        PATTERNS.put(MarkdownKind.HEADING, Pattern.compile("(?m)^#{1,3} +\\S"));
        PATTERNS.put(MarkdownKind.SUBTEXT, Pattern.compile("(?m)^-# +\\S"));
        PATTERNS.put(MarkdownKind.LIST, Pattern.compile("(?m)^[ \\t]*(?:[-*+]|\\d{1,9}\\.) +\\S"));
        PATTERNS.put(MarkdownKind.QUOTE, Pattern.compile("(?m)^(?:>>>|>) "));
    }

    private final MarkdownSettings settings;

    MarkdownDetector(MarkdownSettings settings) {
        this.settings = settings;
    }

    @Override
    public AutomodModule module() {
        return AutomodModule.MARKDOWN;
    }

    @Override
    public ModuleSettings settings() {
        return settings;
    }

    record Found(List<Evidence.Span> spans, List<TextEdit> removal) {}

    static Found find(String content, java.util.Set<MarkdownKind> kinds, MessageStats stats) {
        List<Evidence.Span> spans = new ArrayList<>();
        List<TextEdit> removal = new ArrayList<>();
        // inline code is looked for outside code blocks only
        String withoutBlocks = content;
        Matcher blocks = PATTERNS.get(MarkdownKind.CODE_BLOCK).matcher(content);
        StringBuilder blanked = null;
        while (blocks.find()) {
            if (blanked == null) blanked = new StringBuilder(content);
            for (int i = blocks.start(); i < blocks.end(); i++) blanked.setCharAt(i, ' ');
        }
        if (blanked != null) withoutBlocks = blanked.toString();
        for (MarkdownKind kind : kinds) {
            if (!mayContain(kind, stats)) continue;
            String searched = kind == MarkdownKind.INLINE_CODE ? withoutBlocks : content;
            Matcher m = PATTERNS.get(kind).matcher(searched);
            while (m.find()) {
                spans.add(Spans.of(
                        content, m.start(), m.end(), "markdown:" + kind.name().toLowerCase()));
                removal.addAll(unwrap(kind, content, m.start(), m.end()));
            }
        }
        return new Found(spans, removal);
    }

    /** Sound pre-checks, so that most messages never reach a regular expression. */
    private static boolean mayContain(MarkdownKind kind, MessageStats st) {
        return switch (kind) {
            case CODE_BLOCK, INLINE_CODE -> st.backtick;
            case MASKED_LINK -> st.maskedLinkHint;
            case SPOILER -> st.doublePipe;
            case HEADING -> (st.lineStarts & MessageStats.LINE_HASH) != 0;
            case SUBTEXT -> (st.lineStarts & MessageStats.LINE_DASH) != 0;
            case QUOTE -> (st.lineStarts & MessageStats.LINE_QUOTE) != 0;
            case LIST ->
                (st.lineStarts
                                & (MessageStats.LINE_DASH
                                        | MessageStats.LINE_STAR
                                        | MessageStats.LINE_PLUS
                                        | MessageStats.LINE_DIGIT))
                        != 0;
        };
    }

    private static List<TextEdit> unwrap(MarkdownKind kind, String s, int start, int end) {
        return switch (kind) {
            case CODE_BLOCK -> {
                int firstLine = s.indexOf('\n', start);
                int open = firstLine >= 0 && firstLine < end - 3 ? firstLine + 1 : start + 3;
                yield List.of(new TextEdit(start, open, ""), new TextEdit(end - 3, end, ""));
            }
            case INLINE_CODE -> {
                int ticks = s.startsWith("``", start) ? 2 : 1;
                yield List.of(new TextEdit(start, start + ticks, ""), new TextEdit(end - ticks, end, ""));
            }
            case SPOILER -> List.of(new TextEdit(start, start + 2, ""), new TextEdit(end - 2, end, ""));
            case MASKED_LINK -> {
                int middle = s.indexOf("](", start);
                yield List.of(new TextEdit(start, start + 1, ""), new TextEdit(middle, middle + 2, " ("));
            }
            case HEADING, SUBTEXT, QUOTE -> List.of(new TextEdit(start, start, "\\"));
            case LIST -> {
                int marker = start;
                while (marker < end && (s.charAt(marker) == ' ' || s.charAt(marker) == '\t')) marker++;
                int dot = s.indexOf('.', marker);
                boolean numbered = Character.isDigit(s.charAt(marker)) && dot > 0 && dot < end;
                yield List.of(numbered ? new TextEdit(dot, dot, "\\") : new TextEdit(marker, marker, "\\"));
            }
        };
    }

    @Override
    public void detect(MessageScan scan, long policyVersion, List<Violation> out) {
        if (settings.forbidden().isEmpty()) return;
        String content = scan.message().content();
        Found found = find(content, settings.forbidden(), scan.stats());
        if (found.spans().isEmpty()) return;
        out.add(new Violation(
                module(),
                found.spans(),
                List.of(),
                policyVersion,
                settings.removeMarkdown() ? Violation.Action.REPOST : Violation.Action.DELETE,
                settings.silent(),
                "automod.reason.markdown",
                List.of()));
        scan.repostEdits.addAll(found.removal());
    }
}
