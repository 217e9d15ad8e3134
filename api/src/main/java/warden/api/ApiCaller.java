package warden.api;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.user.OAuth2User;
import warden.common.Actor;
import warden.common.GuildId;
import warden.common.UserId;

/**
 * Who is calling and what they may do where: an operator-issued API token (one role over its guilds), or a Discord user
 * signed in to the panel (a role per guild, from their permissions there when they signed in).
 *
 * @param guildRoles for a Discord user, the role in each guild; empty for a token
 * @param discordUser the Discord user, who then acts as a moderator in the audit trail; null for a token
 */
public record ApiCaller(
        String name, ApiRole role, Set<String> guilds, Map<String, ApiRole> guildRoles, UserId discordUser)
        implements OAuth2User {

    public static final String ALL_GUILDS = "*";

    public ApiCaller {
        guilds = Set.copyOf(guilds);
        guildRoles = Map.copyOf(guildRoles);
    }

    public ApiCaller(String name, ApiRole role, Set<String> guilds) {
        this(name, role, guilds, Map.of(), null);
    }

    /** A Discord user with the role they hold in each guild; their highest role is the one shown. */
    public static ApiCaller discord(UserId user, String username, Map<String, ApiRole> roles) {
        ApiRole highest = roles.values().stream().max(Enum::compareTo).orElse(ApiRole.MODERATOR);
        return new ApiCaller(username, highest, roles.keySet(), roles, user);
    }

    public boolean allGuilds() {
        return discordUser == null && guilds.contains(ALL_GUILDS);
    }

    public boolean may(ApiRole required, String guild) {
        if (discordUser != null) {
            ApiRole there = guildRoles.get(guild);
            return there != null && there.includes(required);
        }
        return role.includes(required) && (allGuilds() || guilds.contains(guild));
    }

    /** Whether the caller may do what {@code required} allows across every guild at once (replay, metrics). */
    public boolean mayEveryGuild(ApiRole required) {
        return allGuilds() && role.includes(required);
    }

    public boolean may(ApiRole required, GuildId guild) {
        return may(required, guild.toString());
    }

    public Actor actor() {
        return discordUser != null ? Actor.moderator(discordUser) : Actor.api(name);
    }

    @Override
    public String getName() {
        return name;
    }

    @Override
    public Map<String, Object> getAttributes() {
        return Map.of("role", role.name(), "guilds", guilds);
    }

    @Override
    public List<GrantedAuthority> getAuthorities() {
        return List.of(new SimpleGrantedAuthority("ROLE_" + role.name()));
    }
}
