package warden.panel;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.HashMap;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserRequest;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.user.OAuth2User;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import warden.api.ApiCaller;
import warden.api.ApiRole;
import warden.common.EventJson;
import warden.common.UserId;

/**
 * Who signed in with Discord and where they may act: Discord lists the user's guilds with their permissions there.
 * Owners, administrators and those who may manage the server get the panel's admin role; those who may kick, ban,
 * time out or manage messages get the moderator role; other guilds are left out.
 */
class DiscordPanelUsers implements OAuth2UserService<OAuth2UserRequest, OAuth2User> {

    static final long KICK_MEMBERS = 1L << 1,
            BAN_MEMBERS = 1L << 2,
            ADMINISTRATOR = 1L << 3,
            MANAGE_GUILD = 1L << 5,
            MANAGE_MESSAGES = 1L << 13,
            MODERATE_MEMBERS = 1L << 40;

    private static final ObjectMapper JSON = EventJson.mapper();

    private final RestClient discord;

    DiscordPanelUsers(DiscordSignInProperties properties) {
        this.discord = RestClient.builder().baseUrl(properties.apiUrl()).build();
    }

    @Override
    public OAuth2User loadUser(OAuth2UserRequest request) {
        String bearer = "Bearer " + request.getAccessToken().getTokenValue();
        try {
            JsonNode me = get("/users/@me", bearer);
            JsonNode guilds = get("/users/@me/guilds", bearer);
            Map<String, ApiRole> roles = new HashMap<>();
            for (JsonNode guild : guilds) {
                ApiRole role = role(
                        guild.path("owner").asBoolean(),
                        Long.parseLong(guild.path("permissions").asText("0")));
                if (role != null) roles.put(guild.path("id").asText(), role);
            }
            return ApiCaller.discord(
                    UserId.of(me.path("id").asText()), me.path("username").asText(), roles);
        } catch (RestClientException | IllegalArgumentException | java.io.IOException e) {
            throw new OAuth2AuthenticationException(
                    new OAuth2Error("discord_unavailable"), "Discord did not list the user's servers", e);
        }
    }

    private JsonNode get(String path, String bearer) throws java.io.IOException {
        String body = discord.get()
                .uri(path)
                .header("Authorization", bearer)
                .accept(MediaType.APPLICATION_JSON)
                .retrieve()
                .body(String.class);
        return JSON.readTree(body == null ? "null" : body);
    }

    /** The panel role for a guild's owner flag and permission bits, or null when the user may not moderate there. */
    static ApiRole role(boolean owner, long permissions) {
        if (owner || (permissions & (ADMINISTRATOR | MANAGE_GUILD)) != 0) return ApiRole.ADMIN;
        if ((permissions & (KICK_MEMBERS | BAN_MEMBERS | MODERATE_MEMBERS | MANAGE_MESSAGES)) != 0)
            return ApiRole.MODERATOR;
        return null;
    }
}
