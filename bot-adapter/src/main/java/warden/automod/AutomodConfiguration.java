package warden.automod;

import org.springframework.beans.factory.ObjectProvider;
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

    /** Live when the bot runs (invites resolved through Discord); without it every foreign invite is flagged. */
    @Bean
    InviteDirectory inviteDirectory(ObjectProvider<LiveInviteDirectory> live) {
        LiveInviteDirectory directory = live.getIfAvailable();
        return directory == null ? InviteDirectory.NONE : directory.view();
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
