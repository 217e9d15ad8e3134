package warden.automod;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.entities.channel.middleman.GuildMessageChannel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;
import warden.discord.ConditionalOnDiscord;
import warden.discord.GuildTexts;

/**
 * Native AutoMod rules Discord refused, for operators and for the server's admins: the health endpoint lists them
 * ({@code nativeAutoMod}: still UP, since Warden's own detection stays in charge of the module), and the server is
 * told once in its system channel, with Discord's reason. A later successful sync of the module clears it.
 */
@Component
@ConditionalOnDiscord
public class NativeAutoModRefusals implements HealthIndicator {

    private static final Logger log = LoggerFactory.getLogger(NativeAutoModRefusals.class);

    record Refusal(String module, String reason, Instant at) {}

    private record Key(long guild, AutomodModule module) {}

    private final GuildTexts texts;
    private final Map<Key, Refusal> refusals = new ConcurrentHashMap<>();

    NativeAutoModRefusals(GuildTexts texts) {
        this.texts = texts;
    }

    void refused(Guild guild, AutomodModule module, String reason) {
        Refusal previous =
                refusals.put(new Key(guild.getIdLong(), module), new Refusal(module.key(), reason, Instant.now()));
        if (previous != null) return; // told already
        GuildMessageChannel notice = guild.getSystemChannel();
        if (notice == null
                || !guild.getSelfMember().hasPermission(notice, Permission.VIEW_CHANNEL, Permission.MESSAGE_SEND))
            return;
        notice.sendMessage(texts.in(guild, "automod.sync.refused", module.key(), reason))
                .setAllowedMentions(List.of())
                .queue(
                        null,
                        e -> log.warn(
                                "Could not tell guild {} about a refused AutoMod rule: {}",
                                guild.getId(),
                                e.getMessage()));
    }

    void synced(long guild, AutomodModule module) {
        refusals.remove(new Key(guild, module));
    }

    /** The refusals of one guild, by module. */
    public Map<String, Refusal> of(long guild) {
        Map<String, Refusal> out = new TreeMap<>();
        refusals.forEach((k, v) -> {
            if (k.guild() == guild) out.put(k.module().key(), v);
        });
        return out;
    }

    @Override
    public Health health() {
        Map<String, Object> byGuild = new TreeMap<>();
        refusals.forEach((k, v) -> byGuild.put(k.guild() + ":" + k.module().key(), v.reason()));
        return Health.up()
                .withDetail("refusedRules", byGuild.size())
                .withDetail("refusals", byGuild)
                .build();
    }
}
