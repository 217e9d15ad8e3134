package warden.automod;

import java.util.Set;
import warden.common.ChannelId;
import warden.common.RoleId;

/**
 * What every module has: on or off, silent mode (no explanatory reply), ignored channels and roles.
 * Administrators and bots are always exempt, whatever the settings.
 */
public interface ModuleSettings {
    boolean enabled();

    boolean silent();

    Set<ChannelId> ignoredChannels();

    Set<RoleId> ignoredRoles();

    /** Refuses settings beyond today's limits, naming the field; called when a command is made. */
    void validate();

    static <T> Set<T> copy(Set<T> values) {
        return values == null ? Set.of() : Set.copyOf(values);
    }
}
