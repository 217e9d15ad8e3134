package warden.automod;

import java.time.Duration;
import java.util.Set;
import warden.common.ChannelId;
import warden.common.RoleId;

/** Message spam: more than {@code limit} messages by one member within {@code window}. */
public record SpamSettings(
        boolean enabled,
        boolean silent,
        Set<ChannelId> ignoredChannels,
        Set<RoleId> ignoredRoles,
        Duration window,
        Integer limit)
        implements ModuleSettings {

    public SpamSettings {
        ignoredChannels = ModuleSettings.copy(ignoredChannels);
        ignoredRoles = ModuleSettings.copy(ignoredRoles);
        window = Check.orDefault(window, Duration.ofSeconds(5));
        limit = Check.orDefault(limit, 5);
    }

    @Override
    public void validate() {
        Check.common(this);
        Check.window("window", window);
        Check.range("limit", limit, 1, AutomodLimits.MAX_RATE_LIMIT);
    }

    public static SpamSettings defaults() {
        return new SpamSettings(false, false, null, null, null, null);
    }
}
