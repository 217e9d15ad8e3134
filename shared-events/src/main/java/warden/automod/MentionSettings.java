package warden.automod;

import java.time.Duration;
import java.util.Set;
import warden.common.ChannelId;
import warden.common.RoleId;

/**
 * Excessive mentions: more than {@code limit} mentions by one member within {@code window}.
 *
 * @param delete delete the messages of the burst (beware: ghost pings)
 */
public record MentionSettings(
        boolean enabled,
        boolean silent,
        Set<ChannelId> ignoredChannels,
        Set<RoleId> ignoredRoles,
        Duration window,
        Integer limit,
        boolean delete,
        boolean blockMessages)
        implements ModuleSettings {

    public MentionSettings {
        ignoredChannels = ModuleSettings.copy(ignoredChannels);
        ignoredRoles = ModuleSettings.copy(ignoredRoles);
        window = Check.orDefault(window, Duration.ofSeconds(10));
        limit = Check.orDefault(limit, 5);
    }

    @Override
    public void validate() {
        Check.common(this);
        if (blockMessages) Check.nativeExemptions(this);
        Check.window("window", window);
        Check.range("limit", limit, 1, AutomodLimits.MAX_RATE_LIMIT);
    }

    public static MentionSettings defaults() {
        return new MentionSettings(false, false, null, null, null, null, false, false);
    }
}
