package warden.automod;

import java.util.Set;
import warden.common.ChannelId;
import warden.common.RoleId;

/**
 * Excessive emojis (Unicode and custom {@code <:name:id>}): a message is flagged when both thresholds are reached.
 *
 * @param minPercent share of the message's visible characters that are emojis (each emoji counts as one)
 * @param minCount   number of emojis
 */
public record EmojiSettings(
        boolean enabled,
        boolean silent,
        Set<ChannelId> ignoredChannels,
        Set<RoleId> ignoredRoles,
        Integer minPercent,
        Integer minCount)
        implements ModuleSettings {

    public EmojiSettings {
        ignoredChannels = ModuleSettings.copy(ignoredChannels);
        ignoredRoles = ModuleSettings.copy(ignoredRoles);
        minPercent = Check.orDefault(minPercent, 50);
        minCount = Check.orDefault(minCount, 6);
    }

    @Override
    public void validate() {
        Check.common(this);
        Check.percent("minPercent", minPercent);
        Check.range("minCount", minCount, 1, AutomodLimits.MAX_MESSAGE_LENGTH);
    }

    public static EmojiSettings defaults() {
        return new EmojiSettings(false, false, null, null, null, null);
    }
}
