package warden.automod;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param maxGuilds  compiled policies kept in memory
 * @param maxMembers members whose spam and mention windows are tracked at once
 */
@ConfigurationProperties("warden.automod")
public record AutomodProperties(Long maxGuilds, Long maxMembers) {
    public AutomodProperties {
        if (maxGuilds == null) maxGuilds = 10_000L;
        if (maxMembers == null) maxMembers = 500_000L;
    }
}
