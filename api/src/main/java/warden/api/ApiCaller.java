package warden.api;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.OAuth2AuthenticatedPrincipal;
import warden.common.Actor;
import warden.common.GuildId;

import java.util.List;
import java.util.Map;
import java.util.Set;

/** An authenticated API token: who it is, what it may do, and where. */
public record ApiCaller(String name, ApiRole role, Set<String> guilds) implements OAuth2AuthenticatedPrincipal {

    public static final String ALL_GUILDS = "*";

    public boolean allGuilds() {
        return guilds.contains(ALL_GUILDS);
    }

    public boolean may(ApiRole required, String guild) {
        return role.includes(required) && (allGuilds() || guilds.contains(guild));
    }

    public boolean may(ApiRole required, GuildId guild) {
        return may(required, guild.toString());
    }

    public Actor actor() {
        return Actor.api(name);
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
