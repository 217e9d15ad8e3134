package warden.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import warden.automod.AutomodSettings;
import warden.automod.InviteSettings;
import warden.automod.MentionSettings;
import warden.automod.VocabularySettings;
import warden.common.Actor;
import warden.common.ChannelId;
import warden.common.GuildId;
import warden.common.MemberKey;
import warden.common.RoleId;
import warden.common.UserId;
import warden.config.AddSanctionRule;
import warden.config.ConfigureAutomod;
import warden.fakediscord.FakeDiscord;
import warden.fakediscord.FakeDiscordExtension;
import warden.fakediscord.Fault;
import warden.fakediscord.Permission;
import warden.fakediscord.RecordedRequest;
import warden.fakediscord.World;
import warden.platform.testing.WardenSpringTest;
import warden.sanctions.ImposeSanction;
import warden.sanctions.InfractionType;
import warden.sanctions.RuleId;
import warden.sanctions.SanctionId;
import warden.sanctions.SanctionKind;
import warden.sanctions.SanctionRule;
import warden.sanctions.SanctionSpec;

/**
 * Real JDA against the fake Discord: automod acts on Discord, records infractions, and sanctions are carried out
 * (or their failure recorded) by the executor.
 */
@WardenSpringTest
@DirtiesContext
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DiscordModerationE2ETest {

    static final Duration WAIT = Duration.ofSeconds(20);
    static long loud, general, member, repeatOffender, admin, otherBot, kickable, editor, pinger, inviter, raider;
    static long quiet, quietGeneral, ignoredChannel, trustedRole, quietMember, trustedMember;

    @RegisterExtension
    static final FakeDiscordExtension DISCORD = new FakeDiscordExtension(DiscordModerationE2ETest::world);

    static void world(World world) {
        World.GuildSpec a = world.guild("Loud guild");
        loud = a.id();
        general = a.channel("general");
        long adminRole = a.role("Admins", Permission.ADMINISTRATOR);
        member = a.member("alice");
        repeatOffender = a.member("bob");
        admin = a.member("carol", adminRole);
        otherBot = a.bot("OtherBot");
        kickable = a.member("frank");
        editor = a.member("grace");
        pinger = a.member("henry");
        inviter = a.member("ivy");
        raider = a.member("kate");
        a.invite("OurInvite", general).vanity("loudvanity");
        a.owner(a.member("owner"));
        a.withWarden(Permission.MODERATION_BOT, 5);

        World.GuildSpec b = world.guild("Quiet guild");
        quiet = b.id();
        quietGeneral = b.channel("general");
        ignoredChannel = b.channel("off-topic");
        trustedRole = b.role("Trusted", Permission.EVERYONE);
        quietMember = b.member("dave");
        trustedMember = b.member("erin", trustedRole);
        b.invite("QuietCode", quietGeneral).invite("DownCode", quietGeneral);
        b.owner(b.member("owner-b"));
        b.withWarden(Permission.MODERATION_BOT, 5);
    }

    @DynamicPropertySource
    static void discord(DynamicPropertyRegistry registry) {
        FakeDiscordProperties.register(registry, DISCORD);
        registry.add("warden.discord.reply-ttl", () -> "500ms");
    }

    @Autowired
    CommandGateway commands;

    @Autowired
    JdbcClient db;

    FakeDiscord fake;

    @BeforeAll
    void policies() {
        fake = DISCORD.discord();
        Actor admin = Actor.system("test");
        Instant now = Instant.now();
        commands.sendAndWait(new ConfigureAutomod(
                GuildId.of(loud),
                new AutomodSettings(
                        new VocabularySettings(true, false, null, null, List.of("idiot", "chat*"), null, false, false),
                        new InviteSettings(true, true, null, null, null, null, false),
                        null,
                        null,
                        null,
                        null,
                        new MentionSettings(true, true, null, null, Duration.ofSeconds(30), 3, true, false),
                        null,
                        null,
                        null),
                null,
                admin,
                now));
        commands.sendAndWait(new AddSanctionRule(
                GuildId.of(loud),
                new SanctionRule(
                        RuleId.of("vocab3"),
                        InfractionType.VOCABULARY,
                        3,
                        Duration.ofMinutes(10),
                        SanctionSpec.timeout(Duration.ofHours(1)),
                        true),
                admin,
                now));
        commands.sendAndWait(new ConfigureAutomod(
                GuildId.of(quiet),
                new AutomodSettings(
                        new VocabularySettings(
                                true,
                                true,
                                Set.of(ChannelId.of(ignoredChannel)),
                                Set.of(RoleId.of(trustedRole)),
                                List.of("idiot"),
                                null,
                                false,
                                true),
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
                admin,
                now));
    }

    @Test
    void aForbiddenWordIsDeletedExplainedAndRecorded() throws Exception {
        long message = fake.postMessage(loud, general, member, "you are an i.d.i.o.t");
        fake.awaitRequest("DELETE", "channels/" + general + "/messages/" + message, WAIT);
        RecordedRequest explanation = fake.awaitRequest(
                r -> r.is("POST", "channels/" + general + "/messages")
                        && r.text("content") != null
                        && r.text("content").contains("<@" + member + ">"),
                WAIT,
                "explanation");
        assertThat(explanation.text("content")).contains("forbidden word");
        await().atMost(WAIT).until(() -> events("msg:" + message + ":vocabulary") == 1);
    }

    @Test
    void theThirdInfractionTriggersTheConfiguredTimeout() throws Exception {
        for (int i = 0; i < 3; i++) fake.postMessage(loud, general, repeatOffender, "what an idiot " + i);
        RecordedRequest timeout = fake.awaitRequest("PATCH", "guilds/" + loud + "/members/" + repeatOffender, WAIT);
        assertThat(timeout.text("communication_disabled_until")).isNotNull();
        await().atMost(WAIT).until(() -> count("warden.sanctions.SanctionApplied", loud + ":" + repeatOffender) == 1);
    }

    @Test
    void silentModeIgnoredChannelsRolesAdminsAndBotsAreRespected() throws Exception {
        long inIgnoredChannel = fake.postMessage(quiet, ignoredChannel, quietMember, "idiot");
        long byTrusted = fake.postMessage(quiet, quietGeneral, trustedMember, "idiot");
        long byAdmin = fake.postMessage(loud, general, admin, "idiot");
        long byBot = fake.postMessage(loud, general, otherBot, "idiot");
        // a message that is acted on, after the others: once it is, the others have been looked at too
        long flaggedInQuiet = fake.postMessage(quiet, quietGeneral, quietMember, "you idiot");
        fake.awaitRequest("DELETE", "channels/" + quietGeneral + "/messages/" + flaggedInQuiet, WAIT);
        long sentinel = fake.postMessage(loud, general, member, "chats everywhere");
        fake.awaitRequest("DELETE", "channels/" + general + "/messages/" + sentinel, WAIT);

        for (long ignored : List.of(inIgnoredChannel, byTrusted, byAdmin, byBot)) {
            assertThat(fake.requests("DELETE", ".*/messages/" + ignored))
                    .as("message %d", ignored)
                    .isEmpty();
        }
        // silent: no explanation in the quiet guild's channel, only the censored repost
        assertThat(fake.requests("POST", "channels/" + quietGeneral + "/messages"))
                .isEmpty();
    }

    @Test
    void censorRepostsThroughAWebhookWithTheMaskedText() throws Exception {
        long message = fake.postMessage(quiet, quietGeneral, quietMember, "hello idiot friend");
        fake.awaitRequest("DELETE", "channels/" + quietGeneral + "/messages/" + message, WAIT);
        RecordedRequest repost = fake.awaitRequest(
                r -> r.is("POST", "webhooks/\\d+/[^/]+") && "hello █████ friend".equals(r.text("content")),
                WAIT,
                "censored repost");
        assertThat(repost.text("username")).isEqualTo("dave");
        assertThat(repost.body().get("allowed_mentions").toString()).contains("parse=[]");
    }

    @Test
    void aDispatchReplayedAfterAResumeIsNotCountedTwice() throws Exception {
        long message = fake.postMessage(loud, general, member, "chat chat");
        fake.awaitRequest("DELETE", "channels/" + general + "/messages/" + message, WAIT);
        fake.forceReconnect(10);
        fake.redeliver(message);
        long sentinel = fake.postMessage(loud, general, member, "idiot after resume");
        fake.awaitRequest("DELETE", "channels/" + general + "/messages/" + sentinel, WAIT);
        assertThat(fake.requests("DELETE", "channels/" + general + "/messages/" + message))
                .hasSize(1);
        await().atMost(WAIT).until(() -> events("msg:" + sentinel + ":vocabulary") == 1);
        assertThat(events("msg:" + message + ":vocabulary")).isEqualTo(1);
    }

    @Test
    void aMessageEditedIntoAForbiddenWordIsDeletedAndRecordedOnce() throws Exception {
        long message = fake.postMessage(loud, general, editor, "see you at the meeting");
        long clean = fake.postMessage(loud, general, editor, "a sentinel that passes");
        fake.editMessage(clean, "still a sentinel that passes");
        fake.editMessage(message, "see you at the meeting, idiot");
        fake.awaitRequest("DELETE", "channels/" + general + "/messages/" + message, WAIT);
        await().atMost(WAIT).until(() -> events("msg:" + message + ":vocabulary") == 1);
        assertThat(fake.requests("DELETE", "channels/" + general + "/messages/" + clean))
                .isEmpty();
        assertThat(events("msg:" + clean + ":vocabulary")).isZero();
    }

    @Test
    void aBurstOfMentionsIsDeletedWholeWhenTheGuildAsksForIt() throws Exception {
        long first = fake.postMessage(loud, general, pinger, "<@" + member + "> <@" + admin + "> look");
        long clean = fake.postMessage(loud, general, pinger, "no ping in this one");
        long crossing = fake.postMessage(loud, general, pinger, "<@" + member + "> <@" + kickable + "> again");
        fake.awaitRequest("DELETE", "channels/" + general + "/messages/" + crossing, WAIT);
        fake.awaitRequest("DELETE", "channels/" + general + "/messages/" + first, WAIT);
        await().atMost(WAIT).until(() -> events("msg:" + crossing + ":mentions") == 1);
        assertThat(fake.requests("DELETE", "channels/" + general + "/messages/" + clean))
                .isEmpty();
        assertThat(events("msg:" + first + ":mentions")).isZero();
    }

    @Test
    void invitesToTheServerItselfPassWhileForeignOnesAreResolvedThroughDiscordAndDeleted() throws Exception {
        long own = fake.postMessage(loud, general, inviter, "join us at discord.gg/OurInvite");
        long vanity = fake.postMessage(loud, general, inviter, "or discord.gg/loudvanity");
        long foreign = fake.postMessage(loud, general, inviter, "come to discord.gg/QuietCode instead");
        fake.awaitRequest("DELETE", "channels/" + general + "/messages/" + foreign, WAIT);
        await().atMost(WAIT).until(() -> events("msg:" + foreign + ":invites") == 1);
        int lookups = fake.inviteLookups();
        assertThat(lookups).isGreaterThanOrEqualTo(1);

        // a new invite of the server, known from the gateway event; a code that does not exist is foreign
        fake.createInvite(loud, general, "FreshOne");
        long fresh = fake.postMessage(loud, general, inviter, "discord.gg/FreshOne works too");
        long again = fake.postMessage(loud, general, inviter, "discord . gg / QuietCode once more");
        long unknown = fake.postMessage(loud, general, inviter, "discord.gg/nosuchcode");
        fake.awaitRequest("DELETE", "channels/" + general + "/messages/" + unknown, WAIT);
        fake.awaitRequest("DELETE", "channels/" + general + "/messages/" + again, WAIT);
        assertThat(fake.inviteLookups())
                .as("QuietCode was answered from the cache")
                .isEqualTo(lookups + 1);
        for (long passed : List.of(own, vanity, fresh)) {
            assertThat(fake.requests("DELETE", "channels/" + general + "/messages/" + passed))
                    .isEmpty();
            assertThat(events("msg:" + passed + ":invites")).isZero();
        }

        // Discord cannot answer: the invite is treated as foreign
        fake.inject(Fault.serverError("GET", "invites/DownCode", 100));
        long down = fake.postMessage(loud, general, inviter, "discord.gg/DownCode");
        fake.awaitRequest("DELETE", "channels/" + general + "/messages/" + down, WAIT);
        fake.clearFaults();
    }

    @Test
    void aBanDeletesTheMembersLastDaysOfMessagesWhenAsked() throws Exception {
        commands.sendAndWait(new ImposeSanction(
                new MemberKey(GuildId.of(loud), UserId.of(raider)),
                SanctionId.of("ban-purge"),
                SanctionSpec.ban(null).deletingMessages(3),
                Actor.system("test"),
                "raid",
                Instant.now(),
                null));
        RecordedRequest ban = fake.awaitRequest("PUT", "guilds/" + loud + "/bans/" + raider, WAIT);
        assertThat(((Number) ban.body().get("delete_message_seconds")).longValue())
                .isEqualTo(Duration.ofDays(3).toSeconds());
    }

    @Test
    void aMissingPermissionBecomesAFailedSanctionInTheLog() throws Exception {
        long target = member;
        fake.inject(Fault.missingPermissions("PUT", "guilds/" + loud + "/bans/" + target));
        commands.sendAndWait(new ImposeSanction(
                new MemberKey(GuildId.of(loud), UserId.of(target)),
                SanctionId.of("ban-403"),
                SanctionSpec.of(SanctionKind.BAN),
                Actor.system("test"),
                "raid",
                Instant.now(),
                null));
        fake.awaitRequest("PUT", "guilds/" + loud + "/bans/" + target, WAIT);
        await().atMost(WAIT).until(() -> db.sql("""
                        select count(*) from audit_event where event_type = 'SanctionFailed' and ref_id = 'ban-403'
                          and reason = 'Discord refused: Warden lacks the permission, or its highest role is not above this member''s (or the member owns the server)'""").query(Long.class).single() == 1);
        fake.clearFaults();
    }

    @Test
    void aDiscordOutageDelaysTheSanctionWithoutLosingIt() throws Exception {
        long target = kickable;
        fake.inject(Fault.serverError("DELETE", "guilds/" + loud + "/members/" + target, 8));
        commands.sendAndWait(new ImposeSanction(
                new MemberKey(GuildId.of(loud), UserId.of(target)),
                SanctionId.of("kick-outage"),
                SanctionSpec.of(SanctionKind.KICK),
                Actor.system("test"),
                "spam",
                Instant.now(),
                null));
        await().atMost(Duration.ofSeconds(60))
                .until(() -> fake.requests("DELETE", "guilds/" + loud + "/members/" + target).stream()
                        .anyMatch(r -> r.status() == 204));
        assertThat(fake.requests("DELETE", "guilds/" + loud + "/members/" + target))
                .filteredOn(r -> r.status() == 502)
                .hasSize(8);
        await().atMost(WAIT)
                .until(() -> db.sql(
                                        "select count(*) from audit_event where event_type = 'SanctionApplied' and ref_id = 'kick-outage'")
                                .query(Long.class)
                                .single()
                        == 1);
    }

    @Test
    void aRateLimitedDeleteIsRetriedAfterTheLimit() throws Exception {
        fake.inject(Fault.rateLimited("DELETE", "channels/" + general + "/messages/\\d+", 1));
        long message = fake.postMessage(loud, general, member, "idiot under a rate limit");
        fake.awaitRequest(
                r -> r.is("DELETE", "channels/" + general + "/messages/" + message) && r.status() == 204,
                WAIT,
                "delete after 429");
        assertThat(fake.requests("DELETE", "channels/" + general + "/messages/" + message))
                .extracting(RecordedRequest::status)
                .containsExactly(429, 204);
    }

    private long events(String infractionId) {
        return db.sql("""
                        select count(*) from domainevententry where payloadtype = 'warden.sanctions.InfractionRecorded'
                          and convert_from(payload, 'UTF8') like ?""")
                .param("%\"infractionId\":\"" + infractionId + "\"%")
                .query(Long.class)
                .single();
    }

    private long count(String payloadType, String aggregate) {
        return db.sql("select count(*) from domainevententry where payloadtype = ? and aggregateidentifier = ?")
                .params(payloadType, aggregate)
                .query(Long.class)
                .single();
    }
}
