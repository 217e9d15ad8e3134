package warden.panel;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;

/**
 * The web panel's security: a session signed in with an API token (the same tokens and guild scopes as the REST API)
 * or, when configured, with Discord (a role per guild from the user's permissions there); CSRF tokens on every form,
 * and every page checking the guild it shows against the caller's scope.
 */
@Configuration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class PanelSecurity {

    @Bean
    @Order(2)
    SecurityFilterChain panelFilterChain(
            HttpSecurity http,
            ObjectProvider<ClientRegistrationRepository> discord,
            ObjectProvider<DiscordPanelUsers> discordUsers)
            throws Exception {
        http.securityMatcher("/panel", "/panel/**", "/panel.css")
                .authorizeHttpRequests(auth -> auth.requestMatchers("/panel/login", "/panel.css")
                        .permitAll()
                        .anyRequest()
                        .authenticated())
                .exceptionHandling(
                        e -> e.authenticationEntryPoint(new LoginUrlAuthenticationEntryPoint("/panel/login")))
                .logout(logout -> logout.logoutUrl("/panel/logout").logoutSuccessUrl("/panel/login"));
        ClientRegistrationRepository registrations = discord.getIfAvailable();
        if (registrations != null) {
            http.oauth2Login(login -> login.clientRegistrationRepository(registrations)
                    .loginPage("/panel/login")
                    .authorizationEndpoint(a -> a.baseUri("/panel/oauth2/authorization"))
                    .redirectionEndpoint(r -> r.baseUri("/panel/login/oauth2/code/*"))
                    .userInfoEndpoint(u -> u.userService(discordUsers.getObject()))
                    .defaultSuccessUrl("/panel", true)
                    .failureUrl("/panel/login?discord-refused"));
        }
        return http.build();
    }
}
