package warden.backup;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param maxBytes          the largest snapshot kept (uncompressed JSON)
 * @param maxPerGuild       backups a server may keep
 * @param maxPerGuildPremium backups a premium server may keep
 * @param minInterval       the shortest interval between automatic backups
 */
@ConfigurationProperties("warden.backup")
public record BackupProperties(
        Integer maxBytes, Integer maxPerGuild, Integer maxPerGuildPremium, Duration minInterval) {
    public BackupProperties {
        if (maxBytes == null) maxBytes = 4 * 1024 * 1024;
        if (maxPerGuild == null) maxPerGuild = 10;
        if (maxPerGuildPremium == null) maxPerGuildPremium = 25;
        if (minInterval == null) minInterval = Duration.ofHours(1);
    }

    public int limit(boolean premium) {
        return premium ? maxPerGuildPremium : maxPerGuild;
    }
}
