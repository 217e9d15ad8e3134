package warden.backup;

import java.util.List;
import java.util.Map;

/**
 * A server's structure at one moment, as a backup holds it: settings, roles (the {@code everyone} one included, for its
 * permissions), categories and channels with their permission overwrites, and which members held which roles. Ids
 * are the Discord ids at capture time; a restore maps them to the ids of what it recreates.
 */
public record ServerSnapshot(
        String name,
        String verificationLevel,
        String systemChannel,
        List<RoleSnapshot> roles,
        List<ChannelSnapshot> channels,
        Map<String, List<String>> memberRoles) {

    public ServerSnapshot {
        roles = roles == null ? List.of() : List.copyOf(roles);
        channels = channels == null ? List.of() : List.copyOf(channels);
        memberRoles = memberRoles == null ? Map.of() : new java.util.TreeMap<>(memberRoles);
    }

    /** A role; {@code position} is Discord's (higher ranks above lower); {@code everyone} marks the server's base role. */
    public record RoleSnapshot(
            String id,
            String name,
            int color,
            boolean hoist,
            boolean mentionable,
            long permissions,
            int position,
            boolean everyone) {}

    /** A category or channel; {@code type} is JDA's channel type name (TEXT, VOICE, CATEGORY, NEWS, STAGE, FORUM). */
    public record ChannelSnapshot(
            String id,
            String name,
            String type,
            String parent,
            int position,
            String topic,
            int slowmode,
            boolean nsfw,
            List<OverwriteSnapshot> overwrites) {
        public ChannelSnapshot {
            overwrites = overwrites == null ? List.of() : List.copyOf(overwrites);
        }

        public boolean category() {
            return "CATEGORY".equals(type);
        }
    }

    /** A permission overwrite for a role ({@code role} true) or a member. */
    public record OverwriteSnapshot(String target, boolean role, long allow, long deny) {}

    public RoleSnapshot role(String id) {
        return roles.stream().filter(r -> r.id().equals(id)).findFirst().orElse(null);
    }

    public ChannelSnapshot channel(String id) {
        return channels.stream().filter(c -> c.id().equals(id)).findFirst().orElse(null);
    }
}
