package warden.automod;

import java.util.Set;
import warden.common.ChannelId;
import warden.common.RoleId;

/**
 * Excessive capitals.
 *
 * @param maxPercent the highest share of capital letters allowed among the letters of a message (1..100)
 * @param minLength  messages with fewer letters are not considered
 */
public record CapsSettings(
        boolean enabled,
        boolean silent,
        Set<ChannelId> ignoredChannels,
        Set<RoleId> ignoredRoles,
        Integer maxPercent,
        Integer minLength)
        implements ModuleSettings {

    public CapsSettings {
        ignoredChannels = ModuleSettings.copy(ignoredChannels);
        ignoredRoles = ModuleSettings.copy(ignoredRoles);
        maxPercent = Check.orDefault(maxPercent, 70);
        minLength = Check.orDefault(minLength, 10);
    }

    @Override
    public void validate() {
        Check.common(this);
        Check.percent("maxPercent", maxPercent);
        Check.range("minLength", minLength, 1, AutomodLimits.MAX_MESSAGE_LENGTH);
    }

    public static CapsSettings defaults() {
        return new CapsSettings(false, false, null, null, null, null);
    }
}
