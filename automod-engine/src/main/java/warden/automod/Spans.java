package warden.automod;

import warden.sanctions.Evidence;

/** Spans of the original text, as evidence carries them. */
final class Spans {
    private Spans() {}

    static Evidence.Span of(String original, int start, int end, String rule) {
        return of(original, start, end, rule, java.util.List.of());
    }

    static Evidence.Span of(String original, int start, int end, String rule, java.util.List<String> revealedBy) {
        int s = Math.max(0, Math.min(start, original.length()));
        int e = Math.max(s, Math.min(end, original.length()));
        return new Evidence.Span(s, e, original.substring(s, e), rule, revealedBy);
    }

    static Evidence.Span whole(String original, String rule) {
        return of(original, 0, original.length(), rule);
    }
}
