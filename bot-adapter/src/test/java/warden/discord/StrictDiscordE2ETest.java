package warden.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import warden.automod.AutomodSettings;
import warden.automod.MentionSettings;
import warden.automod.VocabularySettings;
import warden.common.Actor;
import warden.common.ChannelId;
import warden.common.GuildId;
import warden.common.MemberKey;
import warden.common.UserId;
import warden.config.ConfigureAutomod;
import warden.config.PolicyEditor;
import warden.fakediscord.FakeDiscord;
import warden.fakediscord.FakeDiscordExtension;
import warden.fakediscord.Permission;
import warden.fakediscord.RecordedRequest;
import warden.fakediscord.World;
import warden.interserver.CreateFrequency;
import warden.interserver.FrequencyKey;
import warden.interserver.FrequencySecret;
import warden.interserver.LinkChannel;
import warden.interserver.LinkDirectory;
import warden.interserver.UnlinkChannel;
import warden.interserver.UnlinkReason;
import warden.platform.testing.WardenSpringTest;
import warden.sanctions.ImposeSanction;
import warden.sanctions.SanctionId;
import warden.sanctions.SanctionKind;
import warden.sanctions.SanctionSpec;

/**
 * What real Discord refuses, met through the strict fake: each test is one failure that passed against the
 * permissive fake and would have broken on a real server.
 */
@WardenSpringTest
@DirtiesContext
class StrictDiscordE2ETest {

    static final Duration WAIT = Duration.ofSeconds(30);
    static long guild, general, locked, notices, owner, alice, boss, bossToo, moderator, discordFan, clyde;
    static long partner, bridge, partnerMember;

    @RegisterExtension
    static final FakeDiscordExtension DISCORD = new FakeDiscordExtension(StrictDiscordE2ETest::world);

    static void world(World world) {
        World.GuildSpec g = world.guild("Strict guild");
        guild = g.id();
        general = g.channel("general");
        locked = g.channel("locked");
        notices = g.channel("notices");
        g.systemChannel(notices);
        long bossRole = g.role("Boss", Permission.EVERYONE, 9); // above Warden
        long modRole = g.role(
                "Moderators",
                Permission.EVERYONE
                        | Permission.BAN_MEMBERS
                        | Permission.KICK_MEMBERS
                        | Permission.MODERATE_MEMBERS
                        | Permission.MANAGE_GUILD
                        | Permission.MANAGE_CHANNELS);
        owner = g.member("owner");
        g.owner(owner);
        g.withWarden(Permission.MODERATION_BOT, 5);
        g.deny(locked, g.wardenRole(), Permission.MANAGE_MESSAGES);
        alice = g.member("alice");
        boss = g.member("boss", bossRole);
        bossToo = g.member("another boss", bossRole);
        moderator = g.member("moderator", modRole);
        discordFan = g.member("Discord Fan");
        clyde = g.member("Clyde");

        World.GuildSpec p = world.guild("Partner guild");
        partner = p.id();
        bridge = p.channel("bridge");
        p.owner(p.member("owner-p"));
        p.withWarden(Permission.MODERATION_BOT, 5);
        partnerMember = p.member("paula");
    }

    @DynamicPropertySource
    static void discord(DynamicPropertyRegistry registry) {
        FakeDiscordProperties.register(registry, DISCORD);
    }

    @Autowired
    CommandGateway commands;

    @Autowired
    JdbcClient db;

    @Autowired
    LinkDirectory links;

    @Autowired
    PolicyEditor policies;

    @Autowired
    GuildWork work;

    @Autowired
    net.dv8tion.jda.api.sharding.ShardManager shards;

    /** Issue 19, failure 2: Discord refuses webhook usernames containing "discord" or "clyde". */
    @Test
    void aMemberNamedAfterDiscordIsRelayedUnderASafeNameAndTheLinkStays() throws Exception {
        FakeDiscord fake = DISCORD.discord();
        FrequencyKey key = FrequencyKey.ofSecret(FrequencySecret.generate());
        commands.sendAndWait(new CreateFrequency(
                key, GuildId.of(guild), ChannelId.of(general), Actor.system("test"), Instant.now()));
        commands.sendAndWait(
                new LinkChannel(key, GuildId.of(partner), ChannelId.of(bridge), Actor.system("test"), Instant.now()));
        await().atMost(WAIT).until(() -> links.linkOf(ChannelId.of(bridge)).isPresent());

        fake.postMessage(guild, general, discordFan, "hello from a fan");
        RecordedRequest copy = fake.awaitRequest(
                r -> r.is("POST", "webhooks/\\d+/[^/]+") && "hello from a fan".equals(r.text("content")),
                WAIT,
                "relayed copy");
        assertThat(copy.status()).as("accepted by Discord").isBetween(200, 204);
        assertThat(copy.text("username"))
                .doesNotContainIgnoringCase("discord")
                .contains("Fan")
                .contains("Strict guild");
        fake.postMessage(guild, general, alice, "still linked?");
        fake.awaitRequest(
                r -> r.is("POST", "webhooks/\\d+/[^/]+") && "still linked?".equals(r.text("content")),
                WAIT,
                "next copy");
        assertThat(links.linkOf(ChannelId.of(bridge))).isPresent();
        unlinkBoth(key);
    }

    private void unlinkBoth(FrequencyKey key) {
        commands.sendAndWait(new UnlinkChannel(
                key,
                GuildId.of(partner),
                ChannelId.of(bridge),
                UnlinkReason.COMMAND,
                Actor.system("test"),
                Instant.now()));
        commands.sendAndWait(new UnlinkChannel(
                key,
                GuildId.of(guild),
                ChannelId.of(general),
                UnlinkReason.COMMAND,
                Actor.system("test"),
                Instant.now()));
        await().atMost(WAIT).until(() -> links.linkOf(ChannelId.of(general)).isEmpty());
    }

    /** Issue 19, failure 5: edits went through the channel's current webhook, which may not touch older copies. */
    @Test
    void editsFollowEachCopyThroughTheWebhookThatSentIt() throws Exception {
        FakeDiscord fake = DISCORD.discord();
        FrequencyKey key = FrequencyKey.ofSecret(FrequencySecret.generate());
        commands.sendAndWait(new CreateFrequency(
                key, GuildId.of(guild), ChannelId.of(general), Actor.system("test"), Instant.now()));
        commands.sendAndWait(
                new LinkChannel(key, GuildId.of(partner), ChannelId.of(bridge), Actor.system("test"), Instant.now()));
        await().atMost(WAIT).until(() -> links.linkOf(ChannelId.of(bridge)).isPresent());
        try {
            long before = fake.postMessage(guild, general, alice, "copied by the first webhook");
            await().atMost(WAIT).until(() -> copies(before) == 1);
            fake.webhooks().removeIf(w -> w.get("channel_id").equals(Long.toString(bridge))); // deleted by someone
            long after = fake.postMessage(guild, general, alice, "copied by a new webhook");
            await().atMost(WAIT).until(() -> copies(after) == 1);
            fake.clearRequests();

            fake.editMessage(before, "an edit nobody can follow");
            await().atMost(WAIT)
                    .until(() -> db.sql(
                                            "select count(*) from interserver_relay where source_message_id = ? and unfollowable_since is not null")
                                    .param(before)
                                    .query(Long.class)
                                    .single()
                            == 1);
            fake.editMessage(after, "an edit that follows");
            RecordedRequest edit = fake.awaitRequest(
                    r -> r.is("PATCH", "webhooks/\\d+/[^/]+/messages/\\d+")
                            && "an edit that follows".equals(r.text("content")),
                    WAIT,
                    "edit of the second copy");
            assertThat(edit.status()).isEqualTo(200);
            assertThat(fake.requests("PATCH", "webhooks/\\d+/[^/]+/messages/\\d+"))
                    .as("no edit tried through a webhook that is not the copy's")
                    .allMatch(r -> r.status() == 200);
        } finally {
            unlinkBoth(key);
        }
    }

    private long copies(long source) {
        return db.sql("select count(*) from interserver_relay where source_message_id = ?")
                .param(source)
                .query(Long.class)
                .single();
    }

    /** Issue 19, failure 2: a censored repost refused by Discord lost the message, already deleted. */
    @Test
    void aCensoredRepostUnderAForbiddenNameIsAcceptedBeforeTheOriginalGoes() throws Exception {
        FakeDiscord fake = DISCORD.discord();
        policies.change(new ConfigureAutomod(
                GuildId.of(guild),
                new AutomodSettings(
                        new VocabularySettings(true, true, null, null, List.of("idiot"), null, false, true),
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
        long original = fake.postMessage(guild, general, clyde, "what an idiot");
        RecordedRequest repost = fake.awaitRequest(
                r -> r.is("POST", "webhooks/\\d+/[^/]+") && "what an █████".equals(r.text("content")),
                WAIT,
                "censored repost");
        assertThat(repost.status()).isBetween(200, 204);
        RecordedRequest deleted = fake.awaitRequest("DELETE", "channels/" + general + "/messages/" + original, WAIT);
        assertThat(deleted.atNanos())
                .as("the original goes once its repost is accepted")
                .isGreaterThan(repost.atNanos());
        policies.change(new ConfigureAutomod(
                GuildId.of(guild), AutomodSettings.defaults(), null, Actor.system("test"), Instant.now()));
    }

    /** Issue 19, failure 1: JDA refuses on the client; the executor stalled on the same event for ever. */
    @Test
    void aSanctionOnAMemberRankedAboveWardenIsFailedWithTheReasonAndTheExecutorMovesOn() {
        // a member JDA does not know yet: Discord itself refuses (403, 50013)
        impose(bossToo, "above-0", SanctionSpec.of(SanctionKind.KICK));
        await().atMost(WAIT).until(() -> outcome("above-0") != null);
        assertThat(outcome("above-0")).startsWith("SanctionFailed").contains("role");

        // a member JDA has seen (they spoke): JDA refuses before asking Discord
        DISCORD.discord().postMessage(guild, general, boss, "hello");
        await().atMost(WAIT).until(() -> shards.getGuildById(guild).getMemberById(boss) != null);
        impose(boss, "above-1", SanctionSpec.of(SanctionKind.BAN));
        await().atMost(WAIT).until(() -> outcome("above-1") != null);
        assertThat(outcome("above-1")).startsWith("SanctionFailed").contains("role");
        assertThat(DISCORD.discord().requests("PUT", "guilds/" + guild + "/bans/" + boss))
                .isEmpty();

        // the same member's next sanction (same aggregate, same segment) is carried out
        impose(boss, "above-2", SanctionSpec.of(SanctionKind.WARN));
        await().atMost(WAIT).until(() -> outcome("above-2") != null);
        assertThat(outcome("above-2")).startsWith("SanctionApplied");
    }

    /** Issue 19, failure 3: JDA refused the delete before asking Discord, and the infraction was never recorded. */
    @Test
    void withoutManageMessagesTheInfractionIsRecordedAndTheAdminsAreToldOnce() throws Exception {
        FakeDiscord fake = DISCORD.discord();
        policies.change(new ConfigureAutomod(
                GuildId.of(guild),
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
        long first = fake.postMessage(guild, locked, alice, "you idiot");
        long second = fake.postMessage(guild, locked, alice, "idiot again");
        await().atMost(WAIT)
                .until(() -> recorded("msg:" + first + ":vocabulary") && recorded("msg:" + second + ":vocabulary"));
        RecordedRequest notice =
                fake.awaitRequest(r -> r.is("POST", "channels/" + notices + "/messages"), WAIT, "notice to the admins");
        assertThat(notice.text("content")).contains("Manage Messages").contains("<#" + locked + ">");
        // a later message of the same guild has been handled once the third one is recorded: still one notice
        long third = fake.postMessage(guild, locked, alice, "idiot, thrice");
        await().atMost(WAIT).until(() -> recorded("msg:" + third + ":vocabulary"));
        assertThat(fake.requests("POST", "channels/" + notices + "/messages")).hasSize(1);
        assertThat(fake.requests("DELETE", "channels/" + locked + "/messages/\\d+"))
                .isEmpty();
        policies.change(new ConfigureAutomod(
                GuildId.of(guild), AutomodSettings.defaults(), null, Actor.system("test"), Instant.now()));
    }

    /** Issue 19, failure 6: Discord's caps per rule type, and rules deleted and recreated at each change. */
    @Test
    void nativeRulesCoexistWithTheServersOwnAndAreEditedInPlace() {
        FakeDiscord fake = DISCORD.discord();
        long serverRule =
                fake.serverAutoModRule(guild, owner, 5, "Anti mention spam", Map.of("mention_total_limit", 10));
        policies.change(new ConfigureAutomod(
                GuildId.of(guild),
                new AutomodSettings(
                        new VocabularySettings(true, true, null, null, List.of("idiot"), null, true, false),
                        null,
                        null,
                        null,
                        null,
                        null,
                        new MentionSettings(true, true, null, null, Duration.ofSeconds(10), 8, false, true),
                        null,
                        null,
                        null),
                null,
                Actor.system("test"),
                Instant.now()));
        await().atMost(WAIT).until(() -> wardenRule(fake, "vocabulary") != null);
        String id = wardenRule(fake, "vocabulary").get("id").toString();
        assertThat(wardenRule(fake, "mentions"))
                .as("the server's own mention-spam rule keeps its place")
                .isNull();

        policies.change(new ConfigureAutomod(
                GuildId.of(guild),
                new AutomodSettings(
                        new VocabularySettings(true, true, null, null, List.of("idiot", "moron"), null, true, false),
                        null,
                        null,
                        null,
                        null,
                        null,
                        new MentionSettings(true, true, null, null, Duration.ofSeconds(10), 8, false, true),
                        null,
                        null,
                        null),
                null,
                Actor.system("test"),
                Instant.now()));
        await().atMost(WAIT)
                .until(() -> wardenRule(fake, "vocabulary")
                        .get("trigger_metadata")
                        .toString()
                        .contains("moron"));
        assertThat(wardenRule(fake, "vocabulary").get("id"))
                .as("edited in place")
                .isEqualTo(id);
        assertThat(fake.requests("DELETE", "guilds/" + guild + "/auto-moderation/rules/\\d+"))
                .isEmpty();

        policies.change(new ConfigureAutomod(
                GuildId.of(guild), AutomodSettings.defaults(), null, Actor.system("test"), Instant.now()));
        await().atMost(WAIT).until(() -> wardenRule(fake, "vocabulary") == null);
        assertThat(fake.autoModRules()).extracting(r -> r.get("id")).containsExactly(Long.toString(serverRule));
    }

    private static Map<String, Object> wardenRule(FakeDiscord fake, String module) {
        return fake.autoModRules().stream()
                .filter(r -> ("Warden · " + module).equals(r.get("name")))
                .findFirst()
                .orElse(null);
    }

    /** Issue 19, failure 4: the first answer to an interaction is due within 3 seconds, whatever the guild's backlog. */
    @Test
    void aSlashCommandIsAcknowledgedAtOnceEvenWhenItsGuildIsBusy() throws Exception {
        FakeDiscord fake = DISCORD.discord();
        java.util.concurrent.CountDownLatch busy = new java.util.concurrent.CountDownLatch(1);
        work.run(guild, "test: a long piece of work", () -> {
            try {
                busy.await(10, java.util.concurrent.TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        String token = fake.slashCommand(
                guild,
                general,
                moderator,
                "warn",
                List.of(
                        Map.of("name", "member", "type", 6, "value", Long.toString(alice)),
                        Map.of("name", "reason", "type", 3, "value", "busy")),
                "en-US");
        RecordedRequest ack = fake.awaitRequest(
                r -> r.is("POST", "interactions/\\d+/" + token + "/callback"), WAIT, "acknowledgement");
        // the guild's lane is still held: the acknowledgement did not wait for it, and Discord accepted it in time
        assertThat(ack.status())
                .as("Discord accepted the first answer (within 3 s)")
                .isEqualTo(204);
        busy.countDown();
        assertThat(fake.awaitInteractionAnswer(token, WAIT).content()).contains("was warned");
    }

    /** Issue 19, failure 4: a moderator who runs the same command again gets the first sanction, not a second one. */
    @Test
    void aRetriedBanIsTheSameBan() throws Exception {
        FakeDiscord fake = DISCORD.discord();
        List<Map<String, Object>> options = List.of(
                Map.of("name", "user", "type", 6, "value", Long.toString(clyde)),
                Map.of("name", "reason", "type", 3, "value", "raid"));
        String first = fake.awaitInteractionAnswer(
                        fake.slashCommand(guild, general, moderator, "ban", options, "en-US"), WAIT)
                .content();
        String again = fake.awaitInteractionAnswer(
                        fake.slashCommand(guild, general, moderator, "ban", options, "en-US"), WAIT)
                .content();
        assertThat(first).contains("banned");
        String number = first.replaceAll("(?s).*\\(case (#\\d+)\\).*", "$1");
        assertThat(again).as("the same case").contains("(case " + number + ")");
        String id = db.sql("select ref_id from case_number where guild_id = ? and number = ? and kind = 'sanction'")
                .params(guild, Long.parseLong(number.substring(1)))
                .query(String.class)
                .single();
        await().atMost(WAIT).until(() -> outcome(id) != null);
        assertThat(fake.requests("PUT", "guilds/" + guild + "/bans/" + clyde)).hasSize(1);
    }

    private boolean recorded(String infractionId) {
        return db.sql("select count(*) from domainevententry where payloadtype = 'warden.sanctions.InfractionRecorded' "
                                + "and convert_from(payload, 'UTF8') like ?")
                        .param("%\"" + infractionId + "\"%")
                        .query(Long.class)
                        .single()
                == 1;
    }

    private void impose(long user, String id, SanctionSpec spec) {
        commands.sendAndWait(new ImposeSanction(
                MemberKey.of(guild, user),
                SanctionId.of(id),
                spec,
                Actor.moderator(UserId.of(moderator)),
                "test",
                Instant.now(),
                null));
    }

    /** {@code SanctionApplied} or {@code SanctionFailed: reason} of a sanction, or null while undecided. */
    private String outcome(String sanctionId) {
        return db.sql("""
                        select event_type || coalesce(': ' || reason, '') from audit_event
                        where event_type in ('SanctionApplied', 'SanctionFailed') and ref_id = ?""").param(sanctionId).query(String.class).optional().orElse(null);
    }
}
