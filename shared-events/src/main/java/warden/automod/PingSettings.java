package warden.automod;

import java.util.Set;
import warden.common.ChannelId;
import warden.common.RoleId;
import warden.common.UserId;

/** Forbidden pings of given members or roles. */
public record PingSettings(
        boolean enabled,
        boolean silent,
        Set<ChannelId> ignoredChannels,
        Set<RoleId> ignoredRoles,
        Set<UserId> forbiddenMembers,
        Set<RoleId> forbiddenRoles,
        boolean blockMessages)
        implements ModuleSettings {

    public PingSettings {
        ignoredChannels = ModuleSettings.copy(ignoredChannels);
        ignoredRoles = ModuleSettings.copy(ignoredRoles);
        forbiddenMembers = ModuleSettings.copy(forbiddenMembers);
        forbiddenRoles = ModuleSettings.copy(forbiddenRoles);
    }

    @Override
    public void validate() {
        Check.common(this);
        if (blockMessages) Check.nativeExemptions(this);
        Check.size("forbiddenMembers", forbiddenMembers, AutomodLimits.MAX_LIST);
        Check.size("forbiddenRoles", forbiddenRoles, AutomodLimits.MAX_LIST);
    }

    public static PingSettings defaults() {
        return new PingSettings(false, false, null, null, null, null, false);
    }
}
