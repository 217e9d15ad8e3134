package warden.interserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
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
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
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
import warden.discord.FakeDiscordProperties;
import warden.fakediscord.FakeDiscord;
import warden.fakediscord.FakeDiscordExtension;
import warden.fakediscord.Permission;
import warden.fakediscord.RecordedRequest;
import warden.fakediscord.World;
import warden.platform.testing.ApiClient;
import warden.platform.testing.ApiTokens;
import warden.platform.testing.WardenSpringTest;

/**
 * The documented interserver flow with three servers on the fake Discord: create, DM, link, relay (with
 * impersonation and no pings), no loops, edits and deletes, trash-can unlink, channel deletion.
 */
@WardenSpringTest
@DirtiesContext
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class InterserverE2ETest {

    static final Duration WAIT = Duration.ofSeconds(20);
    static final Pattern SECRET = Pattern.compile("`([0-9A-Z-]{30,})`");
    static long a, aChannel, aOther, aMod, aMember, aClosedDms;
    static long b, bChannel, bMod, bOtherMod, bMember;
    static long c, cChannel, cMod;

    @RegisterExtension
    static final FakeDiscordExtension DISCORD = new FakeDiscordExtension(world -> {
        World.GuildSpec ga = world.guild("Alpha");
        a = ga.id();
        aChannel = ga.channel("lobby");
        aOther = ga.channel("other");
        long aMods = ga.role("Mods", Permission.EVERYONE | Permission.MANAGE_CHANNELS);
        aMod = ga.member("anna", aMods);
        aMember = ga.member("albert");
        aClosedDms = ga.member("aloof", aMods);
        ga.owner(ga.member("owner-a"));
        ga.withWarden(Permission.MODERATION_BOT, 5);
        World.GuildSpec gb = world.guild("Bravo");
        b = gb.id();
        bChannel = gb.channel("bridge");
        long bMods = gb.role("Mods", Permission.EVERYONE | Permission.MANAGE_CHANNELS);
        bMod = gb.member("bella", bMods);
        bOtherMod = gb.member("bianca", bMods);
        bMember = gb.member("bob");
        gb.owner(gb.member("owner-b"));
        gb.withWarden(Permission.MODERATION_BOT, 5);
        World.GuildSpec gc = world.guild("Charlie");
        c = gc.id();
        cChannel = gc.channel("chat");
        long cMods = gc.role("Mods", Permission.EVERYONE | Permission.MANAGE_CHANNELS);
        cMod = gc.member("carl", cMods);
        gc.owner(gc.member("owner-c"));
        gc.withWarden(Permission.MODERATION_BOT, 5);
    });

    @DynamicPropertySource
    static void discord(DynamicPropertyRegistry registry) {
        FakeDiscordProperties.register(registry, DISCORD);
    }

    @Autowired
    JdbcClient db;

    @Autowired
    PolicyEditor policies;

    @LocalServerPort
    int port;

    FakeDiscord fake;
    static String secret;

    @BeforeAll
    void setUp() {
        fake = DISCORD.discord();
        fake.closeDms(aClosedDms);
    }

    private RecordedRequest awaitPost(long channel, String contains) throws Exception {
        return fake.awaitRequest(
                r -> r.is("POST", "channels/" + channel + "/messages")
                        && String.valueOf(r.text("content")).contains(contains),
                WAIT,
                "message containing " + contains + " in " + channel);
    }

    @Test
    @Order(1)
    void closedDmsAreExplainedWithoutRevealingAnything() throws Exception {
        fake.postMessage(a, aOther, aClosedDms, "!interserveur");
        RecordedRequest reply = awaitPost(aOther, "could not send you the frequency");
        assertThat(reply.text("content")).doesNotContainPattern("[0-9A-Z]{5}-[0-9A-Z]{5}");
        assertThat(db.sql("select count(*) from domainevententry where payloadtype like '%FrequencyCreated'")
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    @Order(2)
    void aMemberWithoutManageChannelsCannotCreate() throws Exception {
        fake.postMessage(a, aChannel, aMember, "!interserveur");
        awaitPost(aChannel, "\"Manage Channels\"");
    }

    @Test
    @Order(3)
    void createSendsTheFrequencyByDm() throws Exception {
        fake.postMessage(a, aChannel, aMod, "!interserveur");
        awaitPost(aChannel, "sent to you by DM");
        await().atMost(WAIT).until(() -> !fake.directMessagesTo(aMod).isEmpty());
        Matcher m = SECRET.matcher(fake.directMessagesTo(aMod).get(0));
        assertThat(m.find()).isTrue();
        secret = m.group(1);
        String stored = db.sql(
                        "select convert_from(payload, 'UTF8') from domainevententry where payloadtype like '%FrequencyCreated'")
                .query(String.class)
                .single();
        assertThat(stored).doesNotContain(secret).doesNotContain(secret.replace("-", ""));
    }

    @Test
    @Order(4)
    void wrongFrequenciesAreRefusedAndSlowedDown() throws Exception {
        for (int i = 0; i < AttemptLimiter.PER_USER; i++) {
            fake.postMessage(b, bChannel, bMod, "!interserveur AAAAA-BBBBB-CCCCC-DDDDD-EEEEE-" + i);
        }
        await().atMost(WAIT)
                .until(() -> fake.requests("POST", "channels/" + bChannel + "/messages").stream()
                                .filter(r -> String.valueOf(r.text("content")).startsWith("No frequency matches"))
                                .count()
                        == AttemptLimiter.PER_USER);
        fake.postMessage(b, bChannel, bMod, "!interserveur " + secret);
        awaitPost(bChannel, "Too many wrong frequencies");
    }

    @Test
    @Order(5)
    void linkingAnnouncesInEveryChannelAndRemovesTheSecret() throws Exception {
        long message = fake.postMessage(c, cChannel, cMod, "!interserveur " + secret.toLowerCase());
        fake.awaitRequest("DELETE", "channels/" + cChannel + "/messages/" + message, WAIT);
        awaitPost(cChannel, "now linked to 1 other channel");
        awaitPost(aChannel, "#chat of Charlie joined");
    }

    @Test
    @Order(6)
    void messagesAreRelayedAsTheirAuthorWithoutPingsOrLoops() throws Exception {
        long original = fake.postMessage(a, aChannel, aMember, "hello @everyone and <@" + cMod + ">");
        RecordedRequest copy = fake.awaitRequest(
                r -> r.is("POST", "webhooks/\\d+/[^/]+")
                        && String.valueOf(r.text("content")).startsWith("hello"),
                WAIT,
                "relayed copy");
        assertThat(copy.text("username")).isEqualTo("albert · Alpha");
        assertThat(copy.body().get("allowed_mentions").toString()).contains("parse=[]");
        Map<String, Object> webhook = fake.webhooks().stream()
                .filter(w -> copy.path().contains(w.get("id").toString()))
                .findFirst()
                .orElseThrow();
        assertThat(webhook.get("channel_id")).isEqualTo(Long.toString(cChannel));

        // the copy arrives in Charlie as a webhook message: it must not travel back to Alpha
        long reply = fake.postMessage(c, cChannel, cMod, "hi from charlie");
        fake.awaitRequest(
                r -> r.is("POST", "webhooks/\\d+/[^/]+") && "hi from charlie".equals(r.text("content")),
                WAIT,
                "reply relayed");
        assertThat(fake.requests("POST", "webhooks/\\d+/[^/]+"))
                .filteredOn(r -> String.valueOf(r.text("content")).startsWith("hello"))
                .hasSize(1);

        // edits and deletions follow the copies, through the relay map in PostgreSQL
        assertThat(db.sql("select count(*) from interserver_relay where source_message_id = ?")
                        .param(original)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        fake.editMessage(original, "hello, edited");
        fake.awaitRequest(
                r -> r.is("PATCH", "webhooks/\\d+/[^/]+/messages/\\d+") && "hello, edited".equals(r.text("content")),
                WAIT,
                "edit");
    }

    @Test
    @Order(7)
    void theDestinationServersUserContentModerationApplies() throws Exception {
        policies.change(new ConfigureAutomod(
                GuildId.of(c),
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
                        new UserContentSettings(true, UserContentSettings.Mode.CENSOR, true, true, true)),
                null,
                Actor.system("test"),
                Instant.now()));
        fake.postMessage(a, aChannel, aMember, "what an idiot");
        fake.awaitRequest(
                r -> r.is("POST", "webhooks/\\d+/[^/]+") && "what an █████".equals(r.text("content")),
                WAIT,
                "censored copy");
    }

    @Test
    @Order(8)
    void deletionsFollowTheCopies() throws Exception {
        long original = fake.postMessage(a, aChannel, aMember, "to be deleted");
        fake.awaitRequest(
                r -> r.is("POST", "webhooks/\\d+/[^/]+") && "to be deleted".equals(r.text("content")), WAIT, "copy");
        await().atMost(WAIT)
                .until(() -> db.sql("select count(*) from interserver_relay where source_message_id = ?")
                                .param(original)
                                .query(Long.class)
                                .single()
                        == 1);
        fake.dispatch(
                "MESSAGE_DELETE",
                Map.of(
                        "id",
                        Long.toString(original),
                        "channel_id",
                        Long.toString(aChannel),
                        "guild_id",
                        Long.toString(a)));
        fake.awaitRequest("DELETE", "webhooks/\\d+/[^/]+/messages/\\d+", WAIT);
        await().atMost(WAIT)
                .until(() -> db.sql("select count(*) from interserver_relay where source_message_id = ?")
                                .param(original)
                                .query(Long.class)
                                .single()
                        == 0);
    }

    @Test
    @Order(9)
    void theTrashCanUnlinksAndTheHistoryShowsWhy() throws Exception {
        fake.postMessage(c, cChannel, cMod, "!interserveur");
        awaitPost(cChannel, "React with 🗑️");
        await().atMost(WAIT)
                .until(() -> fake.requests("PUT", "channels/" + cChannel + "/messages/\\d+/reactions/.*")
                                .size()
                        == 1);
        List<Map<String, Object>> posted = fake.botMessages(cChannel);
        long status = Long.parseLong(posted.get(posted.size() - 1).get("id").toString());
        fake.addReaction(c, cChannel, status, cMod, "🗑️");
        awaitPost(cChannel, "no longer linked");
        await().atMost(WAIT).untilAsserted(() -> {
            ApiClient.Response history =
                    new ApiClient(port).get(ApiTokens.OPERATOR, "/api/v1/guilds/" + c + "/interserver");
            assertThat(history.body().path(0).path("unlinkReason").asText()).isEqualTo("TRASH_REACTION");
            assertThat(history.body().path(0).path("linkedBy").asText()).isEqualTo("moderator:" + cMod);
        });
    }

    @Test
    @Order(10)
    void deletingTheChannelUnlinksItAndTheLastOneClosesTheFrequency() throws Exception {
        fake.deleteChannel(a, aChannel);
        await().atMost(WAIT)
                .until(() -> db.sql("select count(*) from domainevententry where payloadtype like '%FrequencyClosed'")
                                .query(Long.class)
                                .single()
                        == 1);
        await().atMost(WAIT).untilAsserted(() -> {
            ApiClient.Response history =
                    new ApiClient(port).get(ApiTokens.OPERATOR, "/api/v1/guilds/" + a + "/interserver");
            assertThat(history.body().path(0).path("unlinkReason").asText()).isEqualTo("CHANNEL_DELETED");
            assertThat(history.body().path(0).path("created").asBoolean()).isTrue();
        });
    }

    @Test
    @Order(11)
    void theSlashCommandsDoTheSameAndRemovingWardenUnlinks() throws Exception {
        String create = fake.slashCommand(
                a, aOther, aMod, "interserver", List.of(Map.of("name", "create", "type", 1)), "en-US");
        RecordedRequest created = fake.awaitRequest(
                r -> r.path().contains(create) && r.method().equals("PATCH"), WAIT, "deferred answer");
        assertThat(created.text("content")).contains("sent to you by DM");
        await().atMost(WAIT).until(() -> fake.directMessagesTo(aMod).size() == 2);
        Matcher m = SECRET.matcher(fake.directMessagesTo(aMod).get(1));
        assertThat(m.find()).isTrue();

        String link = fake.slashCommand(
                b,
                bChannel,
                bOtherMod,
                "interserver",
                List.of(Map.of(
                        "name",
                        "link",
                        "type",
                        1,
                        "options",
                        List.of(Map.of("name", "frequency", "type", 3, "value", m.group(1))))),
                "fr");
        RecordedRequest linked =
                fake.awaitRequest(r -> r.path().contains(link) && r.method().equals("PATCH"), WAIT, "link answer");
        assertThat(linked.text("content")).startsWith("Ce salon est maintenant relié à 1 autre");
        awaitPost(aOther, "#bridge of Bravo joined");

        fake.dispatch("GUILD_DELETE", Map.of("id", Long.toString(b), "unavailable", false));
        await().atMost(WAIT).untilAsserted(() -> {
            ApiClient.Response history =
                    new ApiClient(port).get(ApiTokens.OPERATOR, "/api/v1/guilds/" + b + "/interserver");
            assertThat(history.body().path(0).path("unlinkReason").asText()).isEqualTo("BOT_REMOVED");
        });
    }
}
