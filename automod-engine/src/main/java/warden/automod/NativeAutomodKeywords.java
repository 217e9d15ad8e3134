package warden.automod;

import java.util.List;

/**
 * The vocabulary as Discord's native AutoMod takes it ("block messages"): Discord supports the same {@code *}
 * wildcards at the start and end, at most 1,000 keywords of at most 60 characters per rule, and 100 allowed words.
 * Entries beyond those limits stay with Warden's own detection.
 */
public record NativeAutomodKeywords(List<String> keywords, List<String> allowList, int skipped) {

    public static final int MAX_ALLOW_LIST = 100;

    public static NativeAutomodKeywords of(VocabularySettings settings) {
        List<String> fitting = settings.words().stream()
                .filter(w -> w.length() <= AutomodLimits.NATIVE_MAX_KEYWORD_LENGTH)
                .toList();
        List<String> keywords =
                fitting.stream().limit(AutomodLimits.NATIVE_MAX_KEYWORDS).toList();
        List<String> allow = settings.allowed().stream()
                .filter(w -> w.length() <= AutomodLimits.NATIVE_MAX_KEYWORD_LENGTH)
                .limit(MAX_ALLOW_LIST)
                .toList();
        return new NativeAutomodKeywords(keywords, allow, settings.words().size() - keywords.size());
    }
}
