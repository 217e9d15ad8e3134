package warden.api;

import static warden.api.GuildScopedAuthorization.inEveryGuild;
import static warden.api.GuildScopedAuthorization.inPathGuild;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.server.resource.introspection.OpaqueTokenIntrospector;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Every API call carries a bearer token; the token's role and guilds decide, per request, from the path's guild.
 * Stateless: no session, no cookie, hence no CSRF surface.
 */
@Configuration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableWebSecurity
@EnableConfigurationProperties(ApiTokenProperties.class)
class ApiSecurityConfiguration {

    /** The API's tokens, also what the web panel signs in with. */
    @Bean
    OpaqueTokenIntrospector apiTokens(ApiTokenProperties tokens) {
        return new ApiTokenIntrospector(tokens);
    }

    @Bean
    SecurityFilterChain apiSecurity(HttpSecurity http, OpaqueTokenIntrospector introspector, Problems problems) {
        http.csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(auth -> auth.requestMatchers(
                                "/actuator/health",
                                "/actuator/health/**",
                                "/actuator/info",
                                "/v3/api-docs",
                                "/v3/api-docs/**",
                                "/error")
                        .permitAll()
                        .requestMatchers(HttpMethod.GET, "/api/v1/guilds/{guild}/**")
                        .access(inPathGuild(ApiRole.MODERATOR))
                        .requestMatchers("/api/v1/guilds/{guild}/policy/**")
                        .access(inPathGuild(ApiRole.ADMIN))
                        .requestMatchers(
                                "/api/v1/guilds/{guild}/backups",
                                "/api/v1/guilds/{guild}/backups/**",
                                "/api/v1/guilds/{guild}/federation/subscription",
                                "/api/v1/guilds/{guild}/federation/never-ban")
                        .access(inPathGuild(ApiRole.ADMIN))
                        .requestMatchers(
                                "/api/v1/guilds/{guild}/members/{user}/sanctions/reset",
                                "/api/v1/guilds/{guild}/sanctions/reset")
                        .access(inPathGuild(ApiRole.ADMIN))
                        .requestMatchers("/api/v1/guilds/{guild}/**")
                        .access(inPathGuild(ApiRole.MODERATOR))
                        .requestMatchers("/api/v1/admin/**", "/actuator/**")
                        .access(inEveryGuild(ApiRole.ADMIN))
                        .anyRequest()
                        .denyAll())
                .oauth2ResourceServer(o -> o.opaqueToken(t -> t.introspector(introspector))
                        .authenticationEntryPoint(problems::unauthorized)
                        .accessDeniedHandler(problems::forbidden))
                .exceptionHandling(e ->
                        e.authenticationEntryPoint(problems::unauthorized).accessDeniedHandler(problems::forbidden));
        return http.build();
    }
}
