package warden.automod;

import java.util.Set;
import warden.common.ChannelId;
import warden.common.GuildId;
import warden.common.RoleId;

/**
 * Discord invites. Invites to the guild itself are never flagged.
 *
 * @param allowedInvites invite codes that are let through
 * @param immuneServers  guilds whose every invite is let through (premium guilds only)
 */
public record InviteSettings(
        boolean enabled,
        boolean silent,
        Set<ChannelId> ignoredChannels,
        Set<RoleId> ignoredRoles,
        Set<String> allowedInvites,
        Set<GuildId> immuneServers,
        boolean censor)
        implements ModuleSettings {

    public InviteSettings {
        ignoredChannels = ModuleSettings.copy(ignoredChannels);
        ignoredRoles = ModuleSettings.copy(ignoredRoles);
        allowedInvites = ModuleSettings.copy(allowedInvites);
        immuneServers = ModuleSettings.copy(immuneServers);
    }

    @Override
    public void validate() {
        Check.common(this);
        Check.size("allowedInvites", allowedInvites, AutomodLimits.MAX_LIST);
        Check.size("immuneServers", immuneServers, AutomodLimits.MAX_LIST);
    }

    public static InviteSettings defaults() {
        return new InviteSettings(false, false, null, null, null, null, false);
    }
}
