package warden.interserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import warden.automod.AutomodSettings;
import warden.automod.VocabularySettings;
import warden.common.Actor;
import warden.common.ChannelId;
import warden.common.GuildId;
import warden.config.ConfigureAutomod;
import warden.config.GuildPolicies;
import warden.config.PolicyEditor;
import warden.discord.FakeDiscordProperties;
import warden.fakediscord.FakeDiscord;
import warden.fakediscord.FakeDiscordExtension;
import warden.fakediscord.Permission;
import warden.fakediscord.World;
import warden.platform.testing.WardenSpringTest;

/**
 * What the source server removes never stays on a partner server: a message its automod deletes is not relayed at
 * all, and a message deleted while its copy is on its way takes the copy with it once the copy exists.
 */
@WardenSpringTest
@DirtiesContext
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RelayVerdictE2ETest {

    static final Duration WAIT = Duration.ofSeconds(30);
    static long a, aChannel, aMember, b, bChannel;

    @RegisterExtension
    static final FakeDiscordExtension DISCORD = new FakeDiscordExtension(world -> {
        World.GuildSpec ga = world.guild("Arcade");
        a = ga.id();
        aChannel = ga.channel("lounge");
        aMember = ga.member("albert");
        ga.owner(ga.member("owner-a"));
        ga.withWarden(Permission.MODERATION_BOT, 5);
        World.GuildSpec gb = world.guild("Café");
        b = gb.id();
        bChannel = gb.channel("lounge");
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
    PolicyEditor editor;

    @Autowired
    GuildPolicies policies;

    @Autowired
    LinkDirectory links;

    @BeforeAll
    void linkedAndModerated() {
        FrequencyKey key = FrequencyKey.ofSecret(FrequencySecret.generate());
        commands.sendAndWait(
                new CreateFrequency(key, GuildId.of(a), ChannelId.of(aChannel), Actor.system("test"), Instant.now()));
        commands.sendAndWait(
                new LinkChannel(key, GuildId.of(b), ChannelId.of(bChannel), Actor.system("test"), Instant.now()));
        editor.change(new ConfigureAutomod(
                GuildId.of(a),
                new AutomodSettings(
                        new VocabularySettings(true, true, null, null, List.of("idiot"), null, false, false),
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null),
                null,
                Actor.system("test"),
                Instant.now()));
        await().atMost(WAIT).until(() -> links.linkOf(ChannelId.of(bChannel)).isPresent());
        await().atMost(WAIT)
                .until(() ->
                        policies.current(GuildId.of(a)).automod().vocabulary().enabled());
    }

    @Test
    void anInsultTheSourceDeletesNeverReachesThePartner() throws Exception {
        FakeDiscord fake = DISCORD.discord();
        fake.postMessage(a, aChannel, aMember, "you idiot");
        fake.postMessage(a, aChannel, aMember, "sorry, all good");
        await().atMost(WAIT).until(() -> deleted(aChannel, "you idiot"));
        // the next message is relayed: had the insult been relayed, its copy would have come before
        fake.awaitRequest(
                r -> r.is("POST", "webhooks/\\d+/[^/]+") && "sorry, all good".equals(r.text("content")),
                WAIT,
                "the next message's copy");
        assertThat(texts(bChannel)).contains("sorry, all good").doesNotContain("you idiot");
        assertThat(fake.requests("POST", "webhooks/\\d+/[^/]+"))
                .noneMatch(r -> String.valueOf(r.text("content")).contains("idiot"));
    }

    @Test
    void aMessageDeletedWhileItsCopyIsOnItsWayTakesTheCopyWithIt() throws Exception {
        FakeDiscord fake = DISCORD.discord();
        fake.slowDown("POST", "webhooks/\\d+/[^/]+", Duration.ofMillis(1500));
        try {
            long original = fake.postMessage(a, aChannel, aMember, "gone in a blink");
            await().pollDelay(Duration.ofMillis(600)).atMost(WAIT).until(() -> true);
            fake.deleteMessage(original);
            fake.awaitRequest(
                    r -> r.is("POST", "webhooks/\\d+/[^/]+") && "gone in a blink".equals(r.text("content")),
                    WAIT,
                    "the copy, sent before the deletion");
        } finally {
            fake.slowDown("POST", "webhooks/\\d+/[^/]+", Duration.ZERO);
        }
        await().atMost(WAIT)
                .untilAsserted(() -> assertThat(fake.channelHistory(bChannel).stream()
                                .filter(m -> "gone in a blink".equals(m.get("content")))
                                .toList())
                        .isNotEmpty()
                        .allMatch(m -> Boolean.TRUE.equals(m.get("deleted"))));
    }

    private static boolean deleted(long channel, String content) {
        return DISCORD.discord().channelHistory(channel).stream()
                .anyMatch(m -> content.equals(m.get("content")) && Boolean.TRUE.equals(m.get("deleted")));
    }

    private static List<String> texts(long channel) {
        return DISCORD.discord().channelHistory(channel).stream()
                .map(m -> String.valueOf(m.get("content")))
                .toList();
    }
}
