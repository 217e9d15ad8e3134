package warden.federation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import warden.discord.FakeDiscordProperties;
import warden.fakediscord.FakeDiscord;
import warden.fakediscord.FakeDiscordExtension;
import warden.fakediscord.Fault;
import warden.fakediscord.Permission;
import warden.fakediscord.RecordedRequest;
import warden.fakediscord.World;
import warden.platform.testing.WardenSpringTest;

/**
 * Three partner servers on the fake Discord: Alpha owns the federation and publishes, Bravo applies the list
 * automatically and protects its staff, Charlie is alerted and then approves each entry. A 403 in one server holds no
 * other back; a revoked entry unbans nobody but tells the servers; a suspended publisher's entries are reverted; an
 * explicit federation-wide unban is carried out.
 */
@WardenSpringTest
@DirtiesContext
class FederationE2ETest {

    static final Duration WAIT = Duration.ofSeconds(30);
    static long alpha, bravo, charlie, generalA, generalB, generalC, alertsC;
    static long ownerA,
            ownerB,
            ownerC,
            modC,
            staffer,
            staffRole,
            raider1,
            raider2,
            raider3,
            fedMods,
            fedmod,
            plainA,
            chatter;

    @RegisterExtension
    static final FakeDiscordExtension DISCORD = new FakeDiscordExtension(world -> {
        World.GuildSpec a = world.guild("Alpha");
        alpha = a.id();
        generalA = a.channel("general");
        a.systemChannel(generalA);
        ownerA = a.member("owner-a");
        a.owner(ownerA);
        fedMods = a.role("Federation team", Permission.EVERYONE, 3);
        fedmod = a.member("fedmod", fedMods);
        plainA = a.member("plain-a");
        a.withWarden(Permission.MODERATION_BOT, 10);

        World.GuildSpec b = world.guild("Bravo");
        bravo = b.id();
        generalB = b.channel("general");
        b.systemChannel(generalB);
        ownerB = b.member("owner-b");
        b.owner(ownerB);
        staffRole = b.role("Staff", Permission.EVERYONE | Permission.KICK_MEMBERS, 2);
        staffer = b.member("staffer", staffRole);
        raider1 = b.member("raider1");
        b.withWarden(Permission.MODERATION_BOT, 10);

        World.GuildSpec c = world.guild("Charlie");
        charlie = c.id();
        generalC = c.channel("general");
        alertsC = c.channel("mod-alerts");
        ownerC = c.member("owner-c");
        c.owner(ownerC);
        modC = c.member("mod-c", c.role("Mods", Permission.EVERYONE | Permission.BAN_MEMBERS, 2));
        c.addMember(raider1);
        raider2 = c.member("raider2");
        c.members(); // raider2 is a member of Charlie only
        raider3 = c.member("raider3");
        chatter = c.member("chatter");
        c.withWarden(Permission.MODERATION_BOT, 10);
    });

    @DynamicPropertySource
    static void discord(DynamicPropertyRegistry registry) {
        FakeDiscordProperties.register(registry, DISCORD);
    }

    @Autowired
    JdbcClient db;

    @Autowired
    org.axonframework.commandhandling.gateway.CommandGateway commands;

    @Autowired
    warden.config.GuildPolicies policies;

    private String slash(long guild, long channel, long user, String sub, Object... options) throws Exception {
        List<Map<String, Object>> list = new ArrayList<>();
        for (int i = 0; i < options.length; i += 3) {
            list.add(Map.of("name", options[i], "type", options[i + 1], "value", options[i + 2]));
        }
        FakeDiscord fake = DISCORD.discord();
        String token = fake.slashCommand(
                guild, channel, user, "federation", List.of(Map.of("name", sub, "type", 1, "options", list)), "en-US");
        return fake.awaitInteractionAnswer(token, WAIT).content();
    }

    private String outcome(long guild, String entry) {
        return db.sql("select outcome from federation_outcome where guild_id = ? and entry_id = ?")
                .params(guild, entry)
                .query(String.class)
                .optional()
                .orElse(null);
    }

    private void awaitOutcome(long guild, String entry, String outcome) {
        await().atMost(WAIT).until(() -> outcome.equals(outcome(guild, entry)));
    }

    private String entryOf(String answer) {
        Matcher m = Pattern.compile("Entry `([0-9a-f]{8})` published").matcher(answer);
        assertThat(m.find()).as(answer).isTrue();
        return m.group(1);
    }

    private String invite(boolean publish) throws Exception {
        FakeDiscord fake = DISCORD.discord();
        int before = fake.directMessagesTo(ownerA).size();
        assertThat(slash(alpha, generalA, ownerA, "invite", "publish", 5, publish))
                .startsWith("Invitation sent to you by DM");
        await().atMost(WAIT).until(() -> fake.directMessagesTo(ownerA).size() > before);
        Matcher m = Pattern.compile("code:([0-9a-f]{8}-[0-9A-Z-]+)`")
                .matcher(fake.directMessagesTo(ownerA).get(before));
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    private RecordedRequest alertIn(long channel, String entry) throws Exception {
        return DISCORD.discord()
                .awaitRequest(
                        r -> r.is("POST", "channels/" + channel + "/messages")
                                && String.valueOf(r.text("content")).contains("entry `" + entry + "`"),
                        WAIT,
                        "alert for " + entry);
    }

    private long alertMessage(long channel, String entry) {
        return DISCORD.discord().botMessages(channel).stream()
                .filter(m -> String.valueOf(m.get("content")).contains("entry `" + entry + "`"))
                .map(m -> Long.parseLong(m.get("id").toString()))
                .reduce((x, y) -> y)
                .orElseThrow();
    }

    @Test
    void threeServersShareABanList() throws Exception {
        FakeDiscord fake = DISCORD.discord();
        String created = slash(alpha, generalA, ownerA, "create", "name", 3, "Alliance");
        assertThat(created).startsWith("Federation **Alliance** created");
        await().atMost(WAIT)
                .until(() -> db.sql("select count(*) from federation_partner where guild_id = ?")
                                .param(alpha)
                                .query(Long.class)
                                .single()
                        == 1);

        String codeB = invite(true);
        assertThat(slash(bravo, generalB, ownerB, "join", "code", 3, codeB))
                .startsWith("This server joined the federation");
        assertThat(slash(charlie, generalC, ownerC, "join", "code", 3, codeB))
                .as("single use")
                .isEqualTo("This invitation code is not valid (unknown, or already used).");
        assertThat(slash(charlie, generalC, ownerC, "join", "code", 3, "not-a-code"))
                .isEqualTo("This invitation code is not valid (unknown, or already used).");
        assertThat(slash(charlie, generalC, ownerC, "join", "code", 3, invite(false)))
                .startsWith("This server joined the federation");
        await().atMost(WAIT)
                .until(() -> db.sql("select count(*) from federation_partner")
                                .query(Long.class)
                                .single()
                        == 3);

        assertThat(slash(bravo, generalB, ownerB, "never-ban", "role", 8, Long.toString(staffRole)))
                .contains("<@&" + staffRole + ">");
        assertThat(slash(charlie, generalC, ownerC, "mode", "mode", 3, "alert", "channel", 7, Long.toString(alertsC)))
                .startsWith("The moderators are now alerted");
        assertThat(slash(charlie, generalC, modC, "ban", "user", 6, Long.toString(raider1), "reason", 3, "spam"))
                .isEqualTo("This server may not publish to the federation's list.");
        await().atMost(WAIT)
                .until(() -> db.sql("select count(*) from federation_partner where mode = 'ALERT' or never_roles <> ''")
                                .query(Long.class)
                                .single()
                        == 2);

        // an entry: Alpha refuses (403), Bravo bans at once, Charlie is alerted and a moderator bans
        fake.inject(Fault.missingPermissions("PUT", "guilds/" + alpha + "/bans/\\d+"));
        String e1 = entryOf(slash(
                alpha,
                generalA,
                ownerA,
                "ban",
                "user",
                6,
                Long.toString(raider1),
                "reason",
                3,
                "raid on Alpha",
                "evidence",
                3,
                "https://example.org/1.png"));
        fake.awaitRequest("PUT", "guilds/" + bravo + "/bans/" + raider1, WAIT);
        awaitOutcome(bravo, e1, "APPLIED");
        awaitOutcome(alpha, e1, "FAILED");
        assertThat(alertIn(alertsC, e1).text("content"))
                .contains("<@" + raider1 + ">")
                .contains("raid on Alpha")
                .contains("https://example.org/1.png");
        awaitOutcome(charlie, e1, "ALERTED");
        long alert = alertMessage(alertsC, e1);
        assertThat(fake.buttons(alert))
                .containsExactly("fed:ban:" + federationId() + ":" + e1, "fed:ignore:" + federationId() + ":" + e1);
        assertThat(fake.requests("PUT", "guilds/" + charlie + "/bans/\\d+"))
                .as("an alert bans nobody")
                .isEmpty();
        String answer = fake.awaitInteractionAnswer(
                        fake.clickButton(
                                charlie, alertsC, alert, modC, "fed:ban:" + federationId() + ":" + e1, "en-US"),
                        WAIT)
                .content();
        assertThat(answer).isEqualTo("<@" + raider1 + "> banned here (entry `" + e1 + "`).");
        awaitOutcome(charlie, e1, "APPLIED");
        fake.clearFaults();

        // staff are never banned; a listed user who joins later raises an alert, which a moderator sets aside
        String e2 = entryOf(slash(
                alpha, generalA, ownerA, "ban", "user", 6, Long.toString(staffer), "reason", 3, "compromised account"));
        awaitOutcome(bravo, e2, "SKIPPED_NEVER_BAN");
        assertThat(fake.requests("PUT", "guilds/" + bravo + "/bans/" + staffer)).isEmpty();
        fake.join(charlie, staffer);
        alertIn(alertsC, e2);
        assertThat(slash(charlie, generalC, ownerC, "preview"))
                .startsWith("Subscribing automatically would ban 1 member(s) here today")
                .contains("<@" + staffer + ">");
        String ignored = fake.awaitInteractionAnswer(
                        fake.clickButton(
                                charlie,
                                alertsC,
                                alertMessage(alertsC, e2),
                                modC,
                                "fed:ignore:" + federationId() + ":" + e2,
                                "en-US"),
                        WAIT)
                .content();
        assertThat(ignored).isEqualTo("Entry `" + e2 + "` set aside for this server.");
        awaitOutcome(charlie, e2, "SKIPPED_OVERRIDE");
        assertThat(fake.requests("PUT", "guilds/" + charlie + "/bans/" + staffer))
                .isEmpty();

        // approve first: nothing until a moderator approves
        assertThat(slash(charlie, generalC, ownerC, "mode", "mode", 3, "approve", "channel", 7, Long.toString(alertsC)))
                .startsWith("Each entry now waits");
        await().atMost(WAIT)
                .until(() -> db.sql("select mode from federation_partner where guild_id = ?")
                        .param(charlie)
                        .query(String.class)
                        .single()
                        .equals("APPROVE"));
        String e3 =
                entryOf(slash(alpha, generalA, ownerA, "ban", "user", 6, Long.toString(raider2), "reason", 3, "raid"));
        fake.awaitRequest("PUT", "guilds/" + bravo + "/bans/" + raider2, WAIT); // Bravo bans ahead of any join
        awaitOutcome(charlie, e3, "AWAITING_APPROVAL");
        assertThat(fake.requests("PUT", "guilds/" + charlie + "/bans/" + raider2))
                .isEmpty();
        fake.awaitInteractionAnswer(
                fake.clickButton(
                        charlie,
                        alertsC,
                        alertMessage(alertsC, e3),
                        modC,
                        "fed:ban:" + federationId() + ":" + e3,
                        "en-US"),
                WAIT);
        awaitOutcome(charlie, e3, "APPLIED");

        // revoking unbans nobody: the servers that banned are told
        assertThat(slash(alpha, generalA, ownerA, "revoke", "entry", 3, e1)).startsWith("Entry `" + e1 + "` revoked.");
        fake.awaitRequest(
                r -> r.is("POST", "channels/" + generalB + "/messages")
                        && String.valueOf(r.text("content")).contains("no entry lists <@" + raider1 + ">"),
                WAIT,
                "Bravo's notice");
        awaitOutcome(charlie, e1, "NO_ENTRY_LEFT");
        assertThat(fake.requests("DELETE", "guilds/\\d+/bans/" + raider1)).isEmpty();

        // a compromised publisher is suspended: what only its entries banned is unbanned
        String e4 = entryOf(
                slash(bravo, generalB, ownerB, "ban", "user", 6, Long.toString(raider3), "reason", 3, "looks odd"));
        awaitOutcome(alpha, e4, "APPLIED");
        assertThat(slash(alpha, generalA, ownerA, "suspend", "server", 3, Long.toString(bravo), "revert", 5, true))
                .contains("suspended");
        fake.awaitRequest("DELETE", "guilds/" + alpha + "/bans/" + raider3, WAIT);
        awaitOutcome(alpha, e4, "REVERTED");
        assertThat(slash(bravo, generalB, ownerB, "ban", "user", 6, Long.toString(raider1), "reason", 3, "again"))
                .isEqualTo("This server may not publish to the federation's list.");

        // an explicit federation-wide unban
        assertThat(slash(alpha, generalA, ownerA, "unban-everywhere", "user", 6, Long.toString(raider2)))
                .contains("is no longer listed");
        fake.awaitRequest("DELETE", "guilds/" + bravo + "/bans/" + raider2, WAIT);
        fake.awaitRequest("DELETE", "guilds/" + charlie + "/bans/" + raider2, WAIT);

        // a raid on Charlie: Alpha is alerted and bans the raid's accounts before they arrive
        long version = commands.sendAndWait(new warden.config.ConfigureModeration(
                warden.common.GuildId.of(charlie),
                new warden.config.ModerationSettings(
                        true,
                        false,
                        null,
                        null,
                        false,
                        null,
                        new warden.config.ModerationSettings.RaidSettings(
                                true, 3, Duration.ofSeconds(30), Duration.ofHours(1))),
                null,
                warden.common.Actor.system("test"),
                java.time.Instant.now()));
        policies.awaitVersion(warden.common.GuildId.of(charlie), version, WAIT);
        List<Long> raiders =
                List.of(fake.join(charlie, "wave1"), fake.join(charlie, "wave2"), fake.join(charlie, "wave3"));
        RecordedRequest raidAlert = fake.awaitRequest(
                r -> r.is("POST", "channels/" + generalA + "/messages")
                        && String.valueOf(r.text("content")).contains("**Charlie** is being raided (3 accounts"),
                WAIT,
                "Alpha's raid alert");
        // every account that joined within the window belongs to the raid (here perhaps the staffer who joined earlier)
        await().atMost(WAIT)
                .untilAsserted(() -> assertThat(db.sql("select user_id from raid_account where guild_id = ?")
                                .param(charlie)
                                .query(Long.class)
                                .list())
                        .containsAll(raiders));
        long accounts = db.sql("select count(*) from raid_account where guild_id = ?")
                .param(charlie)
                .query(Long.class)
                .single();
        long raidMessage = fake.botMessages(generalA).stream()
                .filter(m -> String.valueOf(m.get("content")).equals(raidAlert.text("content")))
                .map(m -> Long.parseLong(m.get("id").toString()))
                .findFirst()
                .orElseThrow();
        String banned = fake.awaitInteractionAnswer(
                        fake.clickButton(
                                alpha,
                                generalA,
                                raidMessage,
                                ownerA,
                                "fedraid:" + federationId() + ":" + charlie,
                                "en-US"),
                        WAIT)
                .content();
        assertThat(banned).isEqualTo(accounts + " of the raid's " + accounts + " account(s) banned here.");
        for (long raider : raiders)
            assertThat(fake.requests("PUT", "guilds/" + alpha + "/bans/" + raider))
                    .hasSize(1);

        // the federation's moderation team acts in a partner that allows it, recorded with the federation as source
        fake.permitCommand(
                alpha, "federation", fedMods); // the owner server lets its team use the command (Discord's own setting)
        assertThat(slash(alpha, generalA, ownerA, "staff", "role", 8, Long.toString(fedMods)))
                .startsWith("<@&" + fedMods + "> is now the federation's moderation team");
        await().atMost(WAIT)
                .until(() -> db.sql("select coalesce(staff_role, 0) from federation")
                                .query(Long.class)
                                .single()
                        == fedMods);
        Object[] act = {
            "server",
            3,
            Long.toString(charlie),
            "member",
            6,
            Long.toString(chatter),
            "sanction",
            3,
            "timeout",
            "reason",
            3,
            "spam in every partner"
        };
        assertThat(slash(alpha, generalA, fedmod, "act", act))
                .isEqualTo("Server " + charlie + " has not let the federation's team act there.");
        assertThat(slash(charlie, generalC, ownerC, "team-access", "allowed", 5, true))
                .startsWith("The moderation team of **Alliance** may now act in this server");
        await().atMost(WAIT)
                .until(() -> db.sql("select team_access from federation_partner where guild_id = ?")
                        .param(charlie)
                        .query(Boolean.class)
                        .single());
        assertThat(slash(alpha, generalA, ownerA, "act", act))
                .as("the owner is not in the team")
                .isEqualTo("Only the federation's moderation team (<@&" + fedMods
                        + ">), from the owner server, can act in partner servers.");
        assertThat(slash(alpha, generalA, fedmod, "act", act))
                .startsWith("Sanction `fed:")
                .endsWith("(timeout) decided for <@" + chatter + "> in server " + charlie
                        + ", on behalf of **Alliance**.");
        fake.awaitRequest(
                r -> r.is("PATCH", "guilds/" + charlie + "/members/" + chatter)
                        && r.text("communication_disabled_until") != null,
                WAIT,
                "the team's timeout");
        await().atMost(WAIT)
                .until(() -> db.sql(
                                        "select count(*) from audit_event where guild_id = ? and event_type = 'SanctionDecided' and actor = ?")
                                .params(charlie, "federation:" + federationId() + "/" + fedmod)
                                .query(Long.class)
                                .single()
                        == 1);

        // an alert channel Discord no longer has: that partner's alert fails alone, is recorded once, never re-posted
        fake.inject(new Fault(
                "POST", "channels/" + alertsC + "/messages", 404, 10003, "Unknown Channel", Integer.MAX_VALUE));
        try {
            String e5 = entryOf(slash(
                    alpha,
                    generalA,
                    ownerA,
                    "ban",
                    "user",
                    6,
                    Long.toString(raider2),
                    "reason",
                    3,
                    "alert to nowhere"));
            awaitOutcome(charlie, e5, "FAILED");
            await().pollDelay(Duration.ofSeconds(7)).atMost(WAIT).until(() -> true);
            assertThat(fake.requests("POST", "channels/" + alertsC + "/messages").stream()
                            .filter(r -> String.valueOf(r.text("content")).contains("entry `" + e5 + "`")))
                    .as("one attempt, not one per retry")
                    .hasSize(1);
        } finally {
            fake.clearFaults();
        }
    }

    private String federationId() {
        return db.sql("select federation_id from federation")
                .query(String.class)
                .single();
    }
}
