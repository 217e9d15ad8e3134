package warden.panel;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;

/**
 * The web panel's security: a session signed in with an API token (the same tokens and guild scopes as the REST API),
 * CSRF tokens on every form, and every page checking the guild it shows against the caller's scope.
 */
@Configuration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class PanelSecurity {

    @Bean
    @Order(2)
    SecurityFilterChain panelFilterChain(HttpSecurity http) throws Exception {
        return http.securityMatcher("/panel", "/panel/**", "/panel.css")
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/panel/login", "/panel.css").permitAll()
                        .anyRequest().authenticated())
                .exceptionHandling(e -> e.authenticationEntryPoint(new LoginUrlAuthenticationEntryPoint("/panel/login")))
                .logout(logout -> logout.logoutUrl("/panel/logout").logoutSuccessUrl("/panel/login"))
                .build();
    }
}
