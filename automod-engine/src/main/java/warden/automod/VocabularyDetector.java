package warden.automod;

import warden.sanctions.Evidence;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** Forbidden vocabulary, matched on normalised text in one pass whatever the number of words. */
final class VocabularyDetector implements Detector {
    private final VocabularySettings settings;
    private final WordMatcher matcher;
    private final Set<String> allowed;

    VocabularyDetector(VocabularySettings settings) {
        this.settings = settings;
        this.matcher = WordMatcher.build(settings.words());
        this.allowed = settings.allowed().stream().map(TextNormalizer::normalizeWord).filter(w -> !w.isEmpty())
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
            spans.add(Spans.of(original, text.start[m.from()], text.end[m.to() - 1], m.entry().source()));
            flags |= text.flagsBetween(m.from(), m.to());
        }
        out.add(new Violation(module(), spans, Normalization.labels(flags), policyVersion,
                settings.censor() ? Violation.Action.REPOST : Violation.Action.DELETE, settings.silent(),
                "automod.reason.vocabulary", List.of()));
    }
}
