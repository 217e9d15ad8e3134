package warden.automod;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import warden.config.GuildPolicies;

/** The detection engine as the live bot uses it: one engine, per-member windows, compiled policies cached. */
@Configuration
@EnableConfigurationProperties(AutomodProperties.class)
class AutomodConfiguration {

    @Bean
    MemberRates memberRates(AutomodProperties properties) {
        return new MemberRates(properties.maxMembers());
    }

    /** Offline until the Discord adapter knows the guilds' invites: every foreign invite is then flagged. */
    @Bean
    InviteDirectory inviteDirectory() {
        return InviteDirectory.NONE;
    }

    @Bean
    DetectionEngine detectionEngine(MemberRates rates, InviteDirectory invites) {
        return new DetectionEngine(rates, invites);
    }

    @Bean
    CompiledPolicies compiledPolicies(GuildPolicies policies, DetectionEngine engine, AutomodProperties properties) {
        return new CompiledPolicies(policies, engine, properties.maxGuilds());
    }

    @Bean
    UserContentModerator userContentModerator(DetectionEngine engine) {
        return new UserContentModerator(engine);
    }
}
