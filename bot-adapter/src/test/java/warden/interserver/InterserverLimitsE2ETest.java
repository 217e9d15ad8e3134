package warden.interserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import warden.automod.AutomodSettings;
import warden.automod.UserContentSettings;
import warden.automod.VocabularySettings;
import warden.common.Actor;
import warden.common.GuildId;
import warden.config.ConfigureAutomod;
import warden.config.PolicyEditor;
import warden.config.SetPremium;
import warden.discord.FakeDiscordProperties;
import warden.fakediscord.FakeDiscord;
import warden.fakediscord.FakeDiscordExtension;
import warden.fakediscord.Permission;
import warden.fakediscord.RecordedRequest;
import warden.fakediscord.World;
import warden.platform.testing.WardenSpringTest;

/**
 * The interserver limits of DraftBot's page: one interserver channel per server (premium: unlimited), a cooldown per
 * member and channel with a short-lived notice, and no message of another bot or another webhook relayed.
 */
@WardenSpringTest
@DirtiesContext
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class InterserverLimitsE2ETest {

    static final Duration WAIT = Duration.ofSeconds(20);
    static final Pattern SECRET = Pattern.compile("`([0-9A-Z-]{30,})`");
    static long a, aLobby, aSecond, aThird, aMod, aChatty, aQuiet, aOtherBot, aRude, aNamedBlocked, aNamedCensored;
    static long b, bBridge, bMod;

    @RegisterExtension
    static final FakeDiscordExtension DISCORD = new FakeDiscordExtension(world -> {
        World.GuildSpec ga = world.guild("Alpha");
        a = ga.id();
        aLobby = ga.channel("lobby");
        aSecond = ga.channel("second");
        aThird = ga.channel("third");
        long mods = ga.role("Mods", Permission.EVERYONE | Permission.MANAGE_CHANNELS);
        aMod = ga.member("anna", mods);
        aChatty = ga.member("chatty");
        aQuiet = ga.member("quiet");
        aOtherBot = ga.bot("OtherBot");
        aRude = ga.member("rude");
        aNamedBlocked = ga.member("idiot king");
        aNamedCensored = ga.member("idiot queen");
        ga.owner(ga.member("owner-a"));
        ga.withWarden(Permission.MODERATION_BOT, 5);
        World.GuildSpec gb = world.guild("Bravo");
        b = gb.id();
        bBridge = gb.channel("bridge");
        bMod = gb.member("bella", gb.role("Mods", Permission.EVERYONE | Permission.MANAGE_CHANNELS));
        gb.owner(gb.member("owner-b"));
        gb.withWarden(Permission.MODERATION_BOT, 5);
    });

    @DynamicPropertySource
    static void discord(DynamicPropertyRegistry registry) {
        FakeDiscordProperties.register(registry, DISCORD);
        registry.add("warden.discord.interserver-cooldown", () -> "1h"); // long enough that no test depends on timing
        registry.add("warden.discord.reply-ttl", () -> "300ms");
    }

    @Autowired
    PolicyEditor policies;

    FakeDiscord fake;

    @BeforeAll
    void setUp() {
        fake = DISCORD.discord();
    }

    private RecordedRequest awaitPost(long channel, String contains) throws Exception {
        return fake.awaitRequest(
                r -> r.is("POST", "channels/" + channel + "/messages")
                        && String.valueOf(r.text("content")).contains(contains),
                WAIT,
                "message containing " + contains + " in " + channel);
    }

    private RecordedRequest awaitCopy(String content) throws Exception {
        return fake.awaitRequest(
                r -> r.is("POST", "webhooks/\\d+/[^/]+") && content.equals(r.text("content")),
                WAIT,
                "copy of " + content);
    }

    private long copies(String content) {
        return fake.requests("POST", "webhooks/\\d+/[^/]+").stream()
                .filter(r -> content.equals(r.text("content")))
                .count();
    }

    private String createFrequency(long channel) throws Exception {
        int before = fake.directMessagesTo(aMod).size();
        fake.postMessage(a, channel, aMod, "!interserveur");
        awaitPost(channel, "sent to you by DM");
        await().atMost(WAIT).until(() -> fake.directMessagesTo(aMod).size() > before);
        Matcher m = SECRET.matcher(fake.directMessagesTo(aMod).get(before));
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    @Test
    @Order(1)
    void aServerHasOneInterserverChannelUnlessPremium() throws Exception {
        String secret = createFrequency(aLobby);
        fake.postMessage(b, bBridge, bMod, "!interserveur " + secret);
        awaitPost(bBridge, "now linked to 1 other channel");

        fake.postMessage(a, aSecond, aMod, "!interserveur");
        awaitPost(aSecond, "already has an interserver channel");
        assertThat(fake.directMessagesTo(aMod)).hasSize(1); // no second frequency was made

        policies.change(new SetPremium(GuildId.of(a), true, Actor.system("test"), Instant.now()));
        createFrequency(aThird);
    }

    @Test
    @Order(2)
    void anotherBotAndAnotherWebhookAreNeverRelayed() throws Exception {
        fake.postMessage(a, aLobby, aOtherBot, "beep from another bot");
        fake.postWebhookMessage(a, aLobby, "GitHub", "a commit from another webhook");
        fake.postMessage(a, aLobby, aQuiet, "a human sentinel");
        awaitCopy("a human sentinel");
        assertThat(copies("beep from another bot")).isZero();
        assertThat(copies("a commit from another webhook")).isZero();
    }

    @Test
    @Order(3)
    void aMemberWritingWithinTheCooldownIsNotRelayedAndToldOnce() throws Exception {
        fake.postMessage(a, aLobby, aChatty, "first words");
        fake.postMessage(a, aLobby, aChatty, "second words too soon");
        fake.postMessage(a, aLobby, aChatty, "third words too soon");
        awaitCopy("first words");
        RecordedRequest notice = awaitPost(aLobby, "was not relayed");
        assertThat(notice.text("content")).startsWith("<@" + aChatty + ">");
        // another member is not held by chatty's cooldown; its copy comes after chatty's messages were handled
        fake.postMessage(a, aLobby, aMod, "a moderator's sentinel");
        awaitCopy("a moderator's sentinel");
        assertThat(copies("second words too soon")).isZero();
        assertThat(copies("third words too soon")).isZero();
        assertThat(fake.requests("POST", "channels/" + aLobby + "/messages"))
                .filteredOn(r -> String.valueOf(r.text("content")).contains("was not relayed"))
                .hasSize(1);
        // the notice goes away after a short while
        String noticeId = fake.botMessages(aLobby).stream()
                .filter(m -> String.valueOf(m.get("content")).contains("was not relayed"))
                .map(m -> m.get("id").toString())
                .findFirst()
                .orElseThrow();
        fake.awaitRequest("DELETE", "channels/" + aLobby + "/messages/" + noticeId, WAIT);
    }

    private void userContent(UserContentSettings.Mode mode) {
        policies.change(new ConfigureAutomod(
                GuildId.of(b),
                new AutomodSettings(
                        new VocabularySettings(false, false, null, null, List.of("idiot"), null, false, false),
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        new UserContentSettings(true, mode, true, true, true)),
                null,
                Actor.system("test"),
                Instant.now()));
    }

    @Test
    @Order(4)
    void blockModeRefusesTheCopyAndTellsTheAuthorWhyAndNamesAreModeratedToo() throws Exception {
        userContent(UserContentSettings.Mode.BLOCK);
        fake.postMessage(a, aLobby, aRude, "you are an idiot");
        await().atMost(WAIT).until(() -> !fake.directMessagesTo(aRude).isEmpty());
        assertThat(fake.directMessagesTo(aRude).get(0))
                .contains("#lobby")
                .contains("was not relayed to Bravo")
                .contains("forbidden word")
                .contains("« idiot »");
        fake.postMessage(a, aLobby, aNamedBlocked, "a harmless message");
        await().atMost(WAIT).until(() -> !fake.directMessagesTo(aNamedBlocked).isEmpty());
        assertThat(fake.directMessagesTo(aNamedBlocked).get(0)).contains("« idiot »");
        assertThat(copies("you are an idiot")).isZero();
        assertThat(copies("a harmless message")).isZero();

        userContent(UserContentSettings.Mode.CENSOR);
        fake.postMessage(a, aLobby, aNamedCensored, "hello from a censored name");
        RecordedRequest copy = awaitCopy("hello from a censored name");
        assertThat(copy.text("username")).isEqualTo("█████ queen · Alpha");
    }
}
