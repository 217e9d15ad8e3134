package warden.automod;

import warden.common.ChannelId;
import warden.common.RoleId;

import java.util.Set;

/**
 * What every module has: on or off, silent mode (no explanatory reply), ignored channels and roles.
 * Administrators and bots are always exempt, whatever the settings.
 */
public interface ModuleSettings {
    boolean enabled();

    boolean silent();

    Set<ChannelId> ignoredChannels();

    Set<RoleId> ignoredRoles();

    static <T> Set<T> copy(String field, Set<T> values) {
        Set<T> copy = values == null ? Set.of() : Set.copyOf(values);
        Check.size(field, copy, AutomodLimits.MAX_LIST);
        return copy;
    }
}
