package warden.panel;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;

/** The Discord OAuth2 application the panel signs users in with, when the operator configured one. */
@Configuration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnProperty("warden.panel.discord.client-id")
@EnableConfigurationProperties(DiscordSignInProperties.class)
class DiscordSignIn {

    static final String REGISTRATION = "discord";

    @Bean
    ClientRegistrationRepository discordClientRegistration(DiscordSignInProperties discord) {
        if (discord.clientSecret() == null || discord.clientSecret().isBlank()) {
            throw new IllegalArgumentException(
                    "warden.panel.discord.client-secret is required with warden.panel.discord.client-id");
        }
        return new InMemoryClientRegistrationRepository(ClientRegistration.withRegistrationId(REGISTRATION)
                .clientId(discord.clientId())
                .clientSecret(discord.clientSecret())
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri("{baseUrl}/panel/login/oauth2/code/{registrationId}")
                .scope("identify", "guilds")
                .authorizationUri(discord.baseUrl() + "/oauth2/authorize")
                .tokenUri(discord.apiUrl() + "/oauth2/token")
                .userInfoUri(discord.apiUrl() + "/users/@me")
                .userNameAttributeName("id")
                .clientName("Discord")
                .build());
    }

    @Bean
    DiscordPanelUsers discordPanelUsers(DiscordSignInProperties discord) {
        return new DiscordPanelUsers(discord);
    }
}
