package warden.automod;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * @param policyRefresh how often a node re-reads a guild's policy version (changes made on the node itself apply
 *                      at once)
 * @param maxGuilds     compiled policies kept in memory
 * @param maxMembers    members whose spam and mention windows are tracked at once
 */
@ConfigurationProperties("warden.automod")
public record AutomodProperties(Duration policyRefresh, Long maxGuilds, Long maxMembers) {
    public AutomodProperties {
        if (policyRefresh == null) policyRefresh = Duration.ofSeconds(5);
        if (maxGuilds == null) maxGuilds = 10_000L;
        if (maxMembers == null) maxMembers = 500_000L;
    }
}
