package warden.interserver;

import static org.awaitility.Awaitility.await;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.time.Duration;
import java.time.Instant;
import net.dv8tion.jda.api.sharding.ShardManager;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import warden.WardenApplication;
import warden.common.Actor;
import warden.common.ChannelId;
import warden.common.GuildId;
import warden.discord.FakeDiscordProperties;
import warden.fakediscord.FakeDiscord;
import warden.fakediscord.FakeDiscordExtension;
import warden.fakediscord.Permission;
import warden.fakediscord.RecordedRequest;
import warden.fakediscord.World;
import warden.platform.testing.WardenSpringTest;

/**
 * Edits and deletions follow relayed copies after Warden restarts: the first node relays, stops; a second node,
 * on the same database, receives the edit and the deletion and finds the copies in the relay map.
 */
@WardenSpringTest
@DirtiesContext
class RelayAfterRestartE2ETest {

    static final Duration WAIT = Duration.ofSeconds(30);
    static long a, aChannel, aMember, b, bChannel;

    @RegisterExtension
    static final FakeDiscordExtension DISCORD = new FakeDiscordExtension(world -> {
        World.GuildSpec ga = world.guild("Alpha");
        a = ga.id();
        aChannel = ga.channel("lobby");
        aMember = ga.member("albert");
        ga.owner(ga.member("owner-a"));
        ga.withWarden(Permission.MODERATION_BOT, 5);
        World.GuildSpec gb = world.guild("Bravo");
        b = gb.id();
        bChannel = gb.channel("bridge");
        gb.owner(gb.member("owner-b"));
        gb.withWarden(Permission.MODERATION_BOT, 5);
    });

    @DynamicPropertySource
    static void discord(DynamicPropertyRegistry registry) {
        FakeDiscordProperties.register(registry, DISCORD);
    }

    @Autowired
    CommandGateway commands;

    @Autowired
    ShardManager firstNode;

    @Autowired
    EmbeddedPostgres database;

    @Autowired
    LinkDirectory links;

    @Autowired
    JdbcClient db;

    @Test
    void editsAndDeletionsFollowAfterARestart() throws Exception {
        FakeDiscord fake = DISCORD.discord();
        FrequencyKey key = FrequencyKey.ofSecret(FrequencySecret.generate());
        commands.sendAndWait(
                new CreateFrequency(key, GuildId.of(a), ChannelId.of(aChannel), Actor.system("test"), Instant.now()));
        commands.sendAndWait(
                new LinkChannel(key, GuildId.of(b), ChannelId.of(bChannel), Actor.system("test"), Instant.now()));
        await().atMost(WAIT).until(() -> links.linkOf(ChannelId.of(bChannel)).isPresent());
        long original = fake.postMessage(a, aChannel, aMember, "before the restart");
        fake.awaitRequest(
                r -> r.is("POST", "webhooks/\\d+/[^/]+") && "before the restart".equals(r.text("content")),
                WAIT,
                "copy");
        // the relay map is written once the copy's id is known
        await().atMost(WAIT)
                .until(() -> db.sql("select count(*) from interserver_relay where source_message_id = ?")
                                .param(original)
                                .query(Long.class)
                                .single()
                        == 1);

        firstNode.shutdown();
        fake.clearRequests();
        try (ConfigurableApplicationContext secondNode = new SpringApplicationBuilder(WardenApplication.class)
                .run(
                        "--server.port=0",
                        "--spring.datasource.url=" + database.getJdbcUrl("postgres", "postgres"),
                        "--spring.datasource.username=postgres",
                        "--warden.discord.token=fake-bot-token",
                        "--warden.discord.api-base-url=" + fake.restBaseUrl(),
                        "--warden.discord.gateway-url=" + fake.gatewayUrl())) {
            ShardManager second = secondNode.getBean(ShardManager.class);
            await().atMost(WAIT).until(() -> second.getGuildById(a) != null && second.getGuildById(b) != null);
            fake.editMessage(original, "after the restart");
            RecordedRequest edit = fake.awaitRequest(
                    r -> r.is("PATCH", "webhooks/\\d+/[^/]+/messages/\\d+")
                            && "after the restart".equals(r.text("content")),
                    WAIT,
                    "edit of the copy by the second node");
            fake.dispatch(
                    "MESSAGE_DELETE",
                    java.util.Map.of(
                            "id",
                            Long.toString(original),
                            "channel_id",
                            Long.toString(aChannel),
                            "guild_id",
                            Long.toString(a)));
            fake.awaitRequest(
                    r -> r.is("DELETE", "webhooks/\\d+/[^/]+/messages/\\d+")
                            && r.path()
                                    .endsWith(edit.path().substring(edit.path().lastIndexOf('/'))),
                    WAIT,
                    "deletion of the copy by the second node");
        }
    }
}
