package warden.sanctions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import warden.common.Actor;
import warden.common.GuildId;
import warden.common.MemberKey;
import warden.common.UserId;
import warden.config.AddSanctionRule;
import warden.discord.FakeDiscordProperties;
import warden.fakediscord.FakeDiscord;
import warden.fakediscord.FakeDiscordExtension;
import warden.fakediscord.Permission;
import warden.fakediscord.World;
import warden.platform.testing.WardenSpringTest;

/**
 * A moderator bans from Discord's own member menu, another bot times out: the fake Discord makes the change, its gateway
 * events and its audit log entry as Discord does, and Warden records each act with who made it and why, counts it
 * toward the rules, and does not record its own acts twice. Where Warden cannot read the audit log, the change is
 * recorded with its author unknown and the owner is told.
 */
@WardenSpringTest
@DirtiesContext
class OutsideActsE2ETest {

    static final Duration WAIT = Duration.ofSeconds(20);
    static long guild,
            blind,
            moderator,
            otherBot,
            banned,
            noisy,
            wardenBanned,
            blindBanned,
            blindOwner,
            blindWardenBanned;

    @RegisterExtension
    static final FakeDiscordExtension DISCORD = new FakeDiscordExtension(OutsideActsE2ETest::world);

    static void world(World world) {
        World.GuildSpec g = world.guild("Menu guild");
        guild = g.id();
        g.channel("general");
        moderator = g.member(
                "mod", g.role("Mods", Permission.EVERYONE | Permission.BAN_MEMBERS | Permission.MODERATE_MEMBERS));
        otherBot = g.bot("OtherBot");
        banned = g.member("banned");
        noisy = g.member("noisy");
        wardenBanned = g.member("wardenBanned");
        g.owner(g.member("owner"));
        g.withWarden(Permission.MODERATION_BOT, 5);

        World.GuildSpec b = world.guild("Blind guild");
        blind = b.id();
        b.channel("general");
        blindBanned = b.member("blindBanned");
        blindWardenBanned = b.member("blindWardenBanned");
        blindOwner = b.member("blindOwner");
        b.owner(blindOwner);
        b.withWarden(Permission.MODERATION_BOT & ~Permission.VIEW_AUDIT_LOG, 5);
    }

    @DynamicPropertySource
    static void discord(DynamicPropertyRegistry registry) {
        FakeDiscordProperties.register(registry, DISCORD);
    }

    @Autowired
    CommandGateway commands;

    @Autowired
    JdbcClient db;

    @Test
    void aBanFromDiscordsMenuIsRecordedWithItsModeratorAndReason() {
        DISCORD.discord().banAs(moderator, guild, banned, "raid alt, see ticket 12");
        await().atMost(WAIT).until(() -> sanctions(guild, banned).size() == 1);
        Map<String, Object> ban = sanctions(guild, banned).values().iterator().next();
        assertThat(ban)
                .containsEntry("kind", "BAN")
                .containsEntry("decided_by", "discord:" + moderator)
                .containsEntry("reason", "raid alt, see ticket 12")
                .containsEntry("status", "APPLIED");
    }

    @Test
    void anotherBotsTimeoutsCountTowardTheRules() throws Exception {
        commands.sendAndWait(new AddSanctionRule(
                GuildId.of(guild),
                new SanctionRule(
                        RuleId.of("two-manual"),
                        InfractionType.MANUAL,
                        2,
                        Duration.ofDays(1),
                        SanctionSpec.ban(null),
                        true),
                Actor.system("test"),
                Instant.now()));
        FakeDiscord fake = DISCORD.discord();
        fake.timeoutAs(otherBot, guild, noisy, Instant.now().plus(Duration.ofMinutes(10)), "caps");
        await().atMost(WAIT).until(() -> sanctions(guild, noisy).size() == 1);
        fake.timeoutAs(otherBot, guild, noisy, Instant.now().plus(Duration.ofMinutes(20)), "caps again");
        // the second outside act reaches the rule's threshold: Warden bans, and its own ban is not recorded twice
        fake.awaitRequest("PUT", "guilds/" + guild + "/bans/" + noisy, WAIT);
        await().atMost(WAIT).until(() -> sanctions(guild, noisy).size() == 3);
        assertThat(sanctions(guild, noisy).values())
                .extracting(s -> s.get("decided_by"))
                .containsExactlyInAnyOrder("discord:" + otherBot, "discord:" + otherBot, "rule:two-manual");
        await().pollDelay(Duration.ofSeconds(1))
                .atMost(WAIT)
                .until(() -> sanctions(guild, noisy).size() == 3);
    }

    @Test
    void wardensOwnBanIsRecordedOnceThoughTheAuditLogShowsIt() throws Exception {
        commands.sendAndWait(new ImposeSanction(
                MemberKey.of(guild, wardenBanned),
                SanctionId.of("own-ban"),
                SanctionSpec.ban(null),
                Actor.moderator(UserId.of(moderator)),
                "spam",
                Instant.now(),
                null));
        DISCORD.discord().awaitRequest("PUT", "guilds/" + guild + "/bans/" + wardenBanned, WAIT);
        await().atMost(WAIT)
                .until(() -> DISCORD.discord().auditLog(guild).stream()
                        .anyMatch(e -> String.valueOf(wardenBanned).equals(e.get("target_id"))));
        await().pollDelay(Duration.ofSeconds(2)).atMost(WAIT).until(() -> true);
        assertThat(sanctions(guild, wardenBanned)).containsOnlyKeys("own-ban");
    }

    @Test
    void withoutTheAuditLogTheChangeIsRecordedAuthorUnknownAndTheOwnerIsToldOnce() throws Exception {
        FakeDiscord fake = DISCORD.discord();
        fake.banAs(moderator, blind, blindBanned, "not visible to Warden");
        await().atMost(WAIT).until(() -> sanctions(blind, blindBanned).size() == 1);
        assertThat(sanctions(blind, blindBanned).values().iterator().next())
                .containsEntry("decided_by", "discord:unknown")
                .containsEntry("reason", null);
        fake.awaitRequest(
                r -> r.is("POST", "channels/\\d+/messages")
                        && String.valueOf(r.text("content")).contains("cannot read the audit log of Blind guild"),
                WAIT,
                "owner told");
        // Warden's own ban there is told apart without the log
        commands.sendAndWait(new ImposeSanction(
                MemberKey.of(blind, blindWardenBanned),
                SanctionId.of("blind-own"),
                SanctionSpec.ban(null),
                Actor.moderator(UserId.of(moderator)),
                "spam",
                Instant.now(),
                null));
        fake.awaitRequest("PUT", "guilds/" + blind + "/bans/" + blindWardenBanned, WAIT);
        await().pollDelay(Duration.ofSeconds(2)).atMost(WAIT).until(() -> true);
        assertThat(sanctions(blind, blindWardenBanned)).containsOnlyKeys("blind-own");
    }

    /** The member's sanctions as the read model holds them, by id. */
    private Map<String, Map<String, Object>> sanctions(long guildId, long user) {
        Map<String, Map<String, Object>> byId = new java.util.LinkedHashMap<>();
        db.sql(
                        "select sanction_id, kind, decided_by, reason, status from sanction_state where guild_id = ? and user_id = ?")
                .params(guildId, user)
                .query()
                .listOfRows()
                .forEach(row -> byId.put((String) row.get("sanction_id"), row));
        return byId;
    }
}
