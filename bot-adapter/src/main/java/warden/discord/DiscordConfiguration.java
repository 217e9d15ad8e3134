package warden.discord;

import java.util.EnumSet;
import java.util.List;
import net.dv8tion.jda.api.OnlineStatus;
import net.dv8tion.jda.api.hooks.EventListener;
import net.dv8tion.jda.api.requests.GatewayIntent;
import net.dv8tion.jda.api.requests.RestConfig;
import net.dv8tion.jda.api.sharding.DefaultShardManagerBuilder;
import net.dv8tion.jda.api.sharding.ShardManager;
import net.dv8tion.jda.api.utils.ChunkingFilter;
import net.dv8tion.jda.api.utils.Compression;
import net.dv8tion.jda.api.utils.MemberCachePolicy;
import net.dv8tion.jda.api.utils.SessionControllerAdapter;
import net.dv8tion.jda.api.utils.cache.CacheFlag;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The connection to Discord through JDA's shard manager, with only the intents Warden needs. A node can run a
 * range of shards ({@code warden.discord.shards}), so that large deployments split guilds across bot nodes.
 */
@Configuration
@ConditionalOnDiscord
class DiscordConfiguration {

    private static final Logger log = LoggerFactory.getLogger(DiscordConfiguration.class);

    static final EnumSet<GatewayIntent> INTENTS = EnumSet.of(
            GatewayIntent.GUILD_MESSAGES,
            GatewayIntent.MESSAGE_CONTENT,
            GatewayIntent.GUILD_MEMBERS,
            GatewayIntent.GUILD_MODERATION,
            GatewayIntent.AUTO_MODERATION_EXECUTION,
            GatewayIntent.AUTO_MODERATION_CONFIGURATION,
            GatewayIntent.GUILD_MESSAGE_REACTIONS,
            GatewayIntent.DIRECT_MESSAGES,
            GatewayIntent.GUILD_INVITES,
            GatewayIntent.GUILD_WEBHOOKS);

    @Bean(destroyMethod = "shutdown")
    ShardManager shardManager(DiscordProperties properties, List<EventListener> listeners) {
        DefaultShardManagerBuilder builder = DefaultShardManagerBuilder.create(properties.token(), INTENTS)
                .disableCache(EnumSet.complementOf(EnumSet.of(CacheFlag.MEMBER_OVERRIDES, CacheFlag.ROLE_TAGS)))
                .enableCache(CacheFlag.MEMBER_OVERRIDES, CacheFlag.ROLE_TAGS)
                .setMemberCachePolicy(MemberCachePolicy.ALL)
                .setChunkingFilter(ChunkingFilter.NONE)
                .setStatus(OnlineStatus.ONLINE)
                .setEnableShutdownHook(false)
                .addEventListeners(listeners.toArray());
        List<ShardSlice> slices = properties.slices();
        if (properties.shardsTotal() > 0) {
            builder.setShardsTotal(properties.shardsTotal());
            builder.setShards(slices.stream().map(ShardSlice::shard).toList());
        }
        if (properties.apiBaseUrl() != null && !properties.apiBaseUrl().isBlank()) {
            builder.setRestConfig(new RestConfig().setBaseUrl(properties.apiBaseUrl()));
        }
        if (properties.gatewayUrl() != null && !properties.gatewayUrl().isBlank()) {
            String gateway = properties.gatewayUrl();
            builder.setSessionController(new SessionControllerAdapter() {
                @Override
                public String getGateway() {
                    return gateway;
                }
            });
            builder.setCompression(Compression.NONE);
        }
        return builder.build(false);
    }

    /**
     * Logs in once the application is ready: a guild that becomes ready must find the database migrated and every
     * processor started.
     */
    @Bean
    ApplicationListener<ApplicationReadyEvent> discordLogin(ShardManager shardManager, DiscordProperties properties) {
        return ready -> {
            log.info(
                    "Connecting to Discord (shards {} of {})",
                    properties.shards() == null || properties.shards().isBlank() ? "all" : properties.shards(),
                    properties.shardsTotal() > 0 ? properties.shardsTotal() : "auto");
            shardManager.login();
        };
    }
}
