package warden.automod;

import java.util.Set;
import warden.common.ChannelId;
import warden.common.RoleId;

/**
 * Forbidden markdown.
 *
 * @param removeMarkdown repost the message through a webhook without the forbidden markdown (on by default)
 */
public record MarkdownSettings(
        boolean enabled,
        boolean silent,
        Set<ChannelId> ignoredChannels,
        Set<RoleId> ignoredRoles,
        Set<MarkdownKind> forbidden,
        Boolean removeMarkdown)
        implements ModuleSettings {

    public MarkdownSettings {
        ignoredChannels = ModuleSettings.copy(ignoredChannels);
        ignoredRoles = ModuleSettings.copy(ignoredRoles);
        forbidden = forbidden == null ? Set.of() : Set.copyOf(forbidden);
        if (removeMarkdown == null) removeMarkdown = Boolean.TRUE;
    }

    @Override
    public void validate() {
        Check.common(this);
    }

    public static MarkdownSettings defaults() {
        return new MarkdownSettings(false, false, null, null, null, null);
    }
}
