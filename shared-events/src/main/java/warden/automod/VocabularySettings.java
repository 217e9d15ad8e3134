package warden.automod;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import warden.common.ChannelId;
import warden.common.InvalidValueException;
import warden.common.RoleId;

/**
 * Forbidden words and expressions. A {@code *} at the start and/or the end allows partial matches ({@code chat*}
 * catches {@code chats}); without it, whole words only ({@code chat} leaves {@code chateau} alone).
 *
 * @param allowed       words never flagged even when a forbidden entry matches inside them (false positives)
 * @param blockMessages also block before sending through Discord's native AutoMod (first 1,000 words)
 * @param censor        repost the message through a webhook with the expression masked
 */
public record VocabularySettings(
        boolean enabled,
        boolean silent,
        Set<ChannelId> ignoredChannels,
        Set<RoleId> ignoredRoles,
        List<String> words,
        List<String> allowed,
        boolean blockMessages,
        boolean censor)
        implements ModuleSettings {

    public VocabularySettings {
        ignoredChannels = ModuleSettings.copy(ignoredChannels);
        ignoredRoles = ModuleSettings.copy(ignoredRoles);
        words = entries(words);
        allowed = entries(allowed);
    }

    public static VocabularySettings defaults() {
        return new VocabularySettings(false, false, null, null, null, null, false, false);
    }

    @Override
    public void validate() {
        Check.common(this);
        if (blockMessages) Check.nativeExemptions(this);
        validate("words", words, AutomodLimits.MAX_WORDS);
        validate("allowed", allowed, AutomodLimits.MAX_LIST);
    }

    /** Trimmed and without repeats; an entry that is empty or only wildcards is kept here and refused by validate. */
    private static List<String> entries(List<String> values) {
        if (values == null) return List.of();
        Set<String> unique = new LinkedHashSet<>();
        for (String value : values) unique.add(value == null ? "" : value.strip());
        return List.copyOf(unique);
    }

    private static void validate(String field, List<String> entries, int max) {
        for (String word : entries) {
            if (word.replace("*", "").isBlank())
                throw InvalidValueException.forField(field, "error.vocabulary.empty", field);
            if (word.length() > AutomodLimits.MAX_WORD_LENGTH) {
                throw InvalidValueException.forField(
                        field, "error.vocabulary.tooLong", word, AutomodLimits.MAX_WORD_LENGTH);
            }
            if (word.indexOf('*', 1) > 0 && word.indexOf('*', 1) < word.length() - 1) {
                throw InvalidValueException.forField(field, "error.vocabulary.innerWildcard", word);
            }
        }
        Check.size(field, entries, max);
    }
}
