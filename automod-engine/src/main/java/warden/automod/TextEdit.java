package warden.automod;

import java.util.Comparator;
import java.util.List;

/** A replacement of {@code [start, end)} of the original text; how a repost masks words or removes markdown. */
record TextEdit(int start, int end, String replacement) {

    static final String MASK = "█";

    static TextEdit mask(String original, int start, int end) {
        return new TextEdit(start, end, MASK.repeat(Math.max(1, original.codePointCount(start, end))));
    }

    /** Applies edits in order of position; an edit overlapping an earlier one is dropped. */
    static String apply(String original, List<TextEdit> edits) {
        List<TextEdit> sorted = edits.stream()
                .sorted(Comparator.comparingInt(TextEdit::start)
                        .thenComparing(Comparator.comparingInt(TextEdit::end).reversed()))
                .toList();
        StringBuilder out = new StringBuilder(original.length());
        int at = 0;
        for (TextEdit edit : sorted) {
            if (edit.start() < at) continue;
            out.append(original, at, edit.start()).append(edit.replacement());
            at = edit.end();
        }
        return out.append(original, at, original.length()).toString();
    }
}
