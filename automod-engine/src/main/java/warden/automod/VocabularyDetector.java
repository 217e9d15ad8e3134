package warden.automod;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import warden.sanctions.Evidence;

/**
 * Forbidden vocabulary, matched on normalised text in one pass whatever the number of words, without reading an
 * ordinary word of English or French as another one ({@link WordMatcher}).
 */
final class VocabularyDetector implements Detector {
    private final VocabularySettings settings;
    private final WordMatcher matcher;
    private final Set<String> allowed;

    VocabularyDetector(VocabularySettings settings) {
        this.settings = settings;
        this.matcher = WordMatcher.build(settings.words(), OrdinaryWords.packaged());
        this.allowed = settings.allowed().stream()
                .map(TextNormalizer::normalizeEntry)
                .filter(w -> w.length > 0)
                .map(w -> w.key(0, w.length))
                .collect(Collectors.toUnmodifiableSet());
    }

    @Override
    public AutomodModule module() {
        return AutomodModule.VOCABULARY;
    }

    @Override
    public ModuleSettings settings() {
        return settings;
    }

    @Override
    public void detect(MessageScan scan, long policyVersion, List<Violation> out) {
        if (matcher.isEmpty()) return;
        NormalizedText text = scan.normalized();
        List<WordMatcher.Match> matches = matcher.find(text, allowed);
        if (matches.isEmpty()) return;
        String original = scan.message().content();
        List<Evidence.Span> spans = new ArrayList<>();
        int flags = 0;
        for (WordMatcher.Match m : matches) {
            spans.add(Spans.of(
                    original,
                    text.start[m.from()],
                    text.end[m.to() - 1],
                    m.entry().source(),
                    Normalization.labels(m.revealedBy())));
            flags |= m.revealedBy();
        }
        out.add(new Violation(
                module(),
                spans,
                Normalization.labels(flags),
                policyVersion,
                settings.censor() ? Violation.Action.REPOST : Violation.Action.DELETE,
                settings.silent(),
                "automod.reason.vocabulary",
                List.of()));
    }

    /**
     * The ordinary English or French word (or words) a span of this module lies in, as written, or null when it lies
     * in none: how the backtest shows an admin what a list costs in everyday words ({@code hell} in "hell yes").
     */
    static String ordinaryWordsAround(String content, Evidence.Span span) {
        if (!span.revealedBy().isEmpty()) return null; // revealed by a normalisation: written to evade, not everyday
        int s = Math.max(0, Math.min(span.start(), content.length()));
        int e = Math.max(s, Math.min(span.end(), content.length()));
        while (s > 0
                && (Character.isLetter(content.codePointBefore(s))
                        || (s >= 2
                                && NormalizedText.isJoiner(content.charAt(s - 1))
                                && Character.isLetter(content.codePointBefore(s - 1))))) {
            s -= Character.charCount(content.codePointBefore(s));
        }
        while (e < content.length()
                && (Character.isLetter(content.codePointAt(e))
                        || (e + 1 < content.length()
                                && NormalizedText.isJoiner(content.charAt(e))
                                && Character.isLetter(content.codePointAt(e + 1))))) {
            e += Character.charCount(content.codePointAt(e));
        }
        String words = content.substring(s, e);
        if (words.isBlank()) return null;
        OrdinaryWords ordinary = OrdinaryWords.packaged();
        for (String word : words.strip().split("\\s+")) {
            if (ordinary.languagesOf(word) == 0) return null;
        }
        return words;
    }
}
