package warden.panel;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * "Sign in with Discord" for the panel, offered when a client id is set: the OAuth2 application of the operator's
 * bot (its id and secret from Discord's developer portal; its redirect is {@code <panel address>/panel/login/oauth2/code/discord}).
 *
 * @param baseUrl Discord's address; the sandbox points it at its fake Discord
 */
@ConfigurationProperties("warden.panel.discord")
public record DiscordSignInProperties(String clientId, String clientSecret, String baseUrl) {

    public DiscordSignInProperties {
        baseUrl = baseUrl == null || baseUrl.isBlank() ? "https://discord.com" : baseUrl.replaceAll("/+$", "");
    }

    String apiUrl() {
        return baseUrl + "/api/v10";
    }
}
