package warden.interserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import warden.common.Actor;
import warden.common.ChannelId;
import warden.common.GuildId;
import warden.discord.FakeDiscordProperties;
import warden.fakediscord.FakeDiscord;
import warden.fakediscord.FakeDiscordExtension;
import warden.fakediscord.Fault;
import warden.fakediscord.Permission;
import warden.fakediscord.World;
import warden.platform.testing.ApiClient;
import warden.platform.testing.ApiTokens;
import warden.platform.testing.WardenSpringTest;

/**
 * Someone deletes Warden's webhook in a linked channel: the next relay recreates it once and goes through. When it
 * cannot be recreated (Warden lost Manage Webhooks), the channel is unlinked with a notice and the history says why.
 */
@WardenSpringTest
@DirtiesContext
class WebhookLostE2ETest {

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
    LinkDirectory links;

    @LocalServerPort
    int port;

    @Test
    void aDeletedWebhookIsRecreatedOnceThenTheChannelIsUnlinked() throws Exception {
        FakeDiscord fake = DISCORD.discord();
        FrequencyKey key = FrequencyKey.ofSecret(FrequencySecret.generate());
        commands.sendAndWait(
                new CreateFrequency(key, GuildId.of(a), ChannelId.of(aChannel), Actor.system("test"), Instant.now()));
        commands.sendAndWait(
                new LinkChannel(key, GuildId.of(b), ChannelId.of(bChannel), Actor.system("test"), Instant.now()));
        await().atMost(WAIT).until(() -> links.linkOf(ChannelId.of(bChannel)).isPresent());
        fake.postMessage(a, aChannel, aMember, "first");
        fake.awaitRequest(
                r -> r.is("POST", "webhooks/\\d+/[^/]+") && "first".equals(r.text("content")), WAIT, "first copy");

        fake.webhooks().clear();
        fake.clearRequests();
        fake.postMessage(a, aChannel, aMember, "second");
        fake.awaitRequest(
                r -> r.is("POST", "webhooks/\\d+/[^/]+") && r.status() == 200 && "second".equals(r.text("content")),
                WAIT,
                "copy through a new webhook");
        assertThat(fake.requests("POST", "channels/" + bChannel + "/webhooks")).hasSize(1);
        assertThat(fake.webhooks()).hasSize(1);

        fake.webhooks().clear();
        fake.inject(Fault.missingPermissions("POST", "channels/" + bChannel + "/webhooks"));
        fake.postMessage(a, aChannel, aMember, "third");
        fake.awaitRequest(
                r -> r.is("POST", "channels/" + bChannel + "/messages")
                        && String.valueOf(r.text("content")).contains("its webhook is gone"),
                WAIT,
                "notice in the unlinked channel");
        await().atMost(WAIT).untilAsserted(() -> {
            ApiClient.Response history =
                    new ApiClient(port).get(ApiTokens.OPERATOR, "/api/v1/guilds/" + b + "/interserver");
            assertThat(history.body().path(0).path("unlinkReason").asText()).isEqualTo("WEBHOOK_LOST");
        });

        await().atMost(WAIT).until(() -> links.linkOf(ChannelId.of(bChannel)).isEmpty());
        fake.clearFaults();
        fake.clearRequests();
        fake.postMessage(a, aChannel, aMember, "fourth");
        // a guild's work runs in order: once Warden has answered a later command, "fourth" has been handled
        fake.postMessage(a, aChannel, aMember, "!interserveur");
        fake.awaitRequest(
                r -> r.is("POST", "channels/" + aChannel + "/messages") && r.status() == 200,
                WAIT,
                "answer to a later command");
        assertThat(fake.requests("POST", "webhooks/\\d+/[^/]+"))
                .as("nothing relayed to the unlinked channel")
                .isEmpty();
    }
}
