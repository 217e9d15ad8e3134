package warden.discord;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How Warden connects to Discord.
 *
 * @param token   the bot token ({@code DISCORD_TOKEN}); without it Warden runs without the bot. Never logged.
 * @param enabled false to keep the bot off even with a token (the {@code replay} command does)
 */
@ConfigurationProperties("warden.discord")
public record DiscordProperties(String token, boolean enabled) {

    public boolean connects() {
        return enabled && token != null && !token.isBlank();
    }

    @Override
    public String toString() {
        return "DiscordProperties[token=" + (token == null || token.isBlank() ? "<none>" : "<set>") + ", enabled=" + enabled + "]";
    }
}
