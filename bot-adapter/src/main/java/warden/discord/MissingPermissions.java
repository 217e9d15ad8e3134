package warden.discord;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.entities.channel.middleman.GuildChannel;
import net.dv8tion.jda.api.entities.channel.middleman.GuildMessageChannel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Tells a server's admins once (a day) that Warden lacks a permission somewhere, so that they can grant it: in
 * the server's system channel when Warden may write there. What Warden could not do is skipped; what it records
 * (infractions) is recorded anyway. Every miss is counted ({@code warden.discord.permission.missing}).
 */
@Component
@ConditionalOnDiscord
public class MissingPermissions {

    private static final Logger log = LoggerFactory.getLogger(MissingPermissions.class);

    private final GuildTexts texts;
    private final MeterRegistry meters;
    private final Cache<String, Boolean> reported = Caffeine.newBuilder()
            .expireAfterWrite(Duration.ofDays(1))
            .maximumSize(100_000)
            .build();

    MissingPermissions(GuildTexts texts, MeterRegistry meters) {
        this.texts = texts;
        this.meters = meters;
    }

    public void report(Guild guild, GuildChannel channel, Permission permission) {
        meters.counter("warden.discord.permission.missing", "permission", permission.name())
                .increment();
        String key = guild.getId() + ":" + channel.getId() + ":" + permission.name();
        if (reported.asMap().putIfAbsent(key, Boolean.TRUE) != null) return;
        log.warn("Warden lacks {} in channel {} of guild {}", permission.getName(), channel.getId(), guild.getId());
        GuildMessageChannel notice = guild.getSystemChannel();
        if (notice == null
                || !guild.getSelfMember().hasPermission(notice, Permission.VIEW_CHANNEL, Permission.MESSAGE_SEND))
            return;
        notice.sendMessage(texts.in(guild, "discord.permission.missing", permission.getName(), channel.getAsMention()))
                .setAllowedMentions(List.of())
                .queue(
                        null,
                        error -> log.warn(
                                "Could not tell guild {} about a missing permission: {}",
                                guild.getId(),
                                error.getMessage()));
    }
}
