package warden.sanctions;

import java.util.List;

/**
 * Why an infraction was recorded: where, what text, which spans matched, what normalisation revealed it, and
 * which version of the guild's settings decided it.
 *
 * @param revealedBy the normalisation steps that made the match visible (for example {@code separators},
 *                   {@code leetspeak}); empty when the raw text matched
 */
public record Evidence(
        String channelId,
        String messageId,
        String content,
        List<Span> spans,
        List<String> revealedBy,
        Long policyVersion) {

    public static final int MAX_CONTENT = 4000;

    public Evidence {
        spans = spans == null ? List.of() : List.copyOf(spans);
        revealedBy = revealedBy == null ? List.of() : List.copyOf(revealedBy);
        if (content != null && content.length() > MAX_CONTENT) content = content.substring(0, MAX_CONTENT);
    }

    public static Evidence none() {
        return new Evidence(null, null, null, List.of(), List.of(), null);
    }

    /**
     * A matched span of the original text, {@code [start, end)} in UTF-16 units, the rule that matched, and the
     * normalisation steps that revealed this span (empty when its raw text matched; spans recorded before they
     * carried it read as empty).
     */
    public record Span(int start, int end, String text, String rule, List<String> revealedBy) {
        public Span {
            revealedBy = revealedBy == null ? List.of() : List.copyOf(revealedBy);
        }

        public Span(int start, int end, String text, String rule) {
            this(start, end, text, rule, List.of());
        }
    }
}
