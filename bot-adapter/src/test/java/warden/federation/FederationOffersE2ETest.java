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
import warden.fakediscord.Permission;
import warden.fakediscord.World;
import warden.platform.testing.WardenSpringTest;

/**
 * Bans made without Warden reach the federation: a moderator bans from Discord's own menu and Warden offers the ban to
 * the shared list with a button; a server that joins with years of bans imports them in one confirmed command; the
 * partner applying the list automatically bans them all.
 */
@WardenSpringTest
@DirtiesContext
class FederationOffersE2ETest {

    static final Duration WAIT = Duration.ofSeconds(30);
    static long alpha, bravo, generalA, generalB, ownerA, ownerB, modA, helper, scammer, old1, old2;

    @RegisterExtension
    static final FakeDiscordExtension DISCORD = new FakeDiscordExtension(world -> {
        World.GuildSpec a = world.guild("Alpha");
        alpha = a.id();
        generalA = a.channel("general");
        a.systemChannel(generalA);
        ownerA = a.member("owner-a");
        a.owner(ownerA);
        modA = a.member("mod-a", a.role("Mods", Permission.EVERYONE | Permission.BAN_MEMBERS, 2));
        helper = a.member("helper");
        scammer = a.member("scammer");
        old1 = a.member("old-raider-1");
        old2 = a.member("old-raider-2");
        a.withWarden(Permission.MODERATION_BOT, 10);

        World.GuildSpec b = world.guild("Bravo");
        bravo = b.id();
        generalB = b.channel("general");
        b.systemChannel(generalB);
        ownerB = b.member("owner-b");
        b.owner(ownerB);
        b.addMember(scammer);
        b.addMember(old1);
        b.addMember(old2);
        b.withWarden(Permission.MODERATION_BOT, 10);
    });

    @DynamicPropertySource
    static void discord(DynamicPropertyRegistry registry) {
        FakeDiscordProperties.register(registry, DISCORD);
    }

    @Autowired
    JdbcClient db;

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

    private long entries() {
        return db.sql("select count(*) from federation_entry").query(Long.class).single();
    }

    private long offerFor(long user) throws Exception {
        FakeDiscord fake = DISCORD.discord();
        fake.awaitRequest(
                r -> r.is("POST", "channels/" + generalA + "/messages")
                        && String.valueOf(r.text("content")).startsWith("<@" + user + "> was banned on Discord"),
                WAIT,
                "offer for " + user);
        return fake.botMessages(generalA).stream()
                .filter(m -> String.valueOf(m.get("content")).startsWith("<@" + user + "> was banned"))
                .map(m -> Long.parseLong(m.get("id").toString()))
                .reduce((x, y) -> y)
                .orElseThrow();
    }

    @Test
    void outsideBansAreOfferedAndOldBansImported() throws Exception {
        FakeDiscord fake = DISCORD.discord();
        // bans from before the federation existed
        fake.banAs(ownerA, alpha, old1, "raid, March");
        fake.banAs(ownerA, alpha, old2, null);

        assertThat(slash(alpha, generalA, ownerA, "create", "name", 3, "Alliance"))
                .startsWith("Federation **Alliance** created");
        String fed = await().atMost(WAIT)
                .until(
                        () -> db.sql("select federation_id from federation")
                                .query(String.class)
                                .optional()
                                .orElse(null),
                        id -> id != null);
        int dms = fake.directMessagesTo(ownerA).size();
        assertThat(slash(alpha, generalA, ownerA, "invite", "publish", 5, false))
                .startsWith("Invitation sent to you by DM");
        await().atMost(WAIT).until(() -> fake.directMessagesTo(ownerA).size() > dms);
        Matcher code = Pattern.compile("code:([0-9a-f]{8}-[0-9A-Z-]+)`")
                .matcher(fake.directMessagesTo(ownerA).get(dms));
        assertThat(code.find()).isTrue();
        assertThat(slash(bravo, generalB, ownerB, "join", "code", 3, code.group(1)))
                .startsWith("This server joined the federation");
        await().atMost(WAIT)
                .until(() -> db.sql("select count(*) from federation_partner")
                                .query(Long.class)
                                .single()
                        == 2);

        // a moderator bans from Discord's menu: the ban is offered, and only someone who may ban can share it
        fake.banAs(modA, alpha, scammer, "phishing links in DMs");
        long offer = offerFor(scammer);
        assertThat(fake.botMessages(generalA).stream()
                        .filter(m -> Long.parseLong(m.get("id").toString()) == offer)
                        .map(m -> String.valueOf(m.get("content")))
                        .findFirst()
                        .orElseThrow())
                .isEqualTo("<@" + scammer + "> was banned on Discord by <@" + modA
                        + "> (reason: phishing links in DMs). Share the ban with the partners of Alliance?");
        assertThat(fake.buttons(offer)).containsExactly("fedshare:" + fed + ":" + scammer);
        assertThat(fake.awaitInteractionAnswer(
                                fake.clickButton(
                                        alpha, generalA, offer, helper, "fedshare:" + fed + ":" + scammer, "en-US"),
                                WAIT)
                        .content())
                .isEqualTo("You need the Ban Members permission to answer the federation's alerts.");
        assertThat(entries()).isZero();
        assertThat(fake.awaitInteractionAnswer(
                                fake.clickButton(
                                        alpha, generalA, offer, modA, "fedshare:" + fed + ":" + scammer, "en-US"),
                                WAIT)
                        .content())
                .startsWith("Entry `")
                .contains("published to **Alliance**: <@" + scammer + ">");
        fake.awaitRequest("PUT", "guilds/" + bravo + "/bans/" + scammer, WAIT);
        assertThat(await().atMost(WAIT)
                        .until(
                                () -> db.sql("select reason from federation_entry where user_id = ?")
                                        .param(scammer)
                                        .query(String.class)
                                        .optional()
                                        .orElse(null),
                                reason -> reason != null))
                .isEqualTo("phishing links in DMs");

        // the older bans: counted first, shared only when the count is confirmed
        assertThat(slash(alpha, generalA, ownerA, "import-bans"))
                .isEqualTo("3 bans on this server, 2 not on the shared list of Alliance yet. Nothing was shared:"
                        + " run the command again with confirm:2 to share them.");
        assertThat(slash(alpha, generalA, ownerA, "import-bans", "confirm", 4, 5))
                .as("a count that is not the dry run's shares nothing")
                .startsWith("3 bans on this server, 2 not on the shared list");
        assertThat(entries()).isEqualTo(1);
        assertThat(slash(alpha, generalA, ownerA, "import-bans", "confirm", 4, 2))
                .isEqualTo("2 bans shared with Alliance.");
        fake.awaitRequest("PUT", "guilds/" + bravo + "/bans/" + old1, WAIT);
        fake.awaitRequest("PUT", "guilds/" + bravo + "/bans/" + old2, WAIT);
        await().atMost(WAIT).until(() -> entries() == 3);
        assertThat(db.sql("select reason from federation_entry where user_id = ? or user_id = ? order by user_id")
                        .params(old1, old2)
                        .query(String.class)
                        .list())
                .containsExactlyInAnyOrder("raid, March", "Banned in Alpha before it joined the federation");
        assertThat(slash(bravo, generalB, ownerB, "import-bans"))
                .as("a server that only subscribes cannot import")
                .isEqualTo("This server may not publish to the federation's list.");
    }
}
