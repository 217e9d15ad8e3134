package warden.discord;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import warden.common.Actor;
import warden.common.MemberKey;
import warden.common.UserId;
import warden.fakediscord.FakeDiscord;
import warden.fakediscord.FakeDiscordExtension;
import warden.fakediscord.Permission;
import warden.fakediscord.World;
import warden.platform.testing.WardenSpringTest;
import warden.sanctions.ImposeSanction;
import warden.sanctions.SanctionId;
import warden.sanctions.SanctionKind;
import warden.sanctions.SanctionSpec;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What real Discord refuses, met through the strict fake: each test is one failure that passed against the
 * permissive fake and would have broken on a real server.
 */
@WardenSpringTest
@DirtiesContext
class StrictDiscordE2ETest {

    static final Duration WAIT = Duration.ofSeconds(30);
    static long guild, general, alice, boss, moderator;

    @RegisterExtension
    static final FakeDiscordExtension DISCORD = new FakeDiscordExtension(StrictDiscordE2ETest::world);

    static void world(World world) {
        World.GuildSpec g = world.guild("Strict guild");
        guild = g.id();
        general = g.channel("general");
        long bossRole = g.role("Boss", Permission.EVERYONE, 9); // above Warden
        long modRole = g.role("Moderators", Permission.EVERYONE | Permission.BAN_MEMBERS | Permission.KICK_MEMBERS
                | Permission.MODERATE_MEMBERS | Permission.MANAGE_GUILD | Permission.MANAGE_CHANNELS);
        g.owner(g.member("owner"));
        g.withWarden(Permission.MODERATION_BOT, 5);
        alice = g.member("alice");
        boss = g.member("boss", bossRole);
        moderator = g.member("moderator", modRole);
    }

    @DynamicPropertySource
    static void discord(DynamicPropertyRegistry registry) {
        FakeDiscordProperties.register(registry, DISCORD);
    }

    @Autowired CommandGateway commands;
    @Autowired JdbcClient db;

    /** Issue 19, failure 1: JDA refuses on the client; the executor stalled on the same event for ever. */
    @Test
    void aSanctionOnAMemberRankedAboveWardenIsFailedWithTheReasonAndTheExecutorMovesOn() {
        impose(boss, "above-1", SanctionSpec.of(SanctionKind.BAN));
        await().atMost(WAIT).until(() -> outcome("above-1") != null);
        assertThat(outcome("above-1")).startsWith("SanctionFailed").contains("role");
        assertThat(DISCORD.discord().requests("PUT", "guilds/" + guild + "/bans/" + boss)).isEmpty();

        // the same member's next sanction (same aggregate, same segment) is carried out
        impose(boss, "above-2", SanctionSpec.of(SanctionKind.WARN));
        await().atMost(WAIT).until(() -> outcome("above-2") != null);
        assertThat(outcome("above-2")).startsWith("SanctionApplied");
    }

    private void impose(long user, String id, SanctionSpec spec) {
        commands.sendAndWait(new ImposeSanction(MemberKey.of(guild, user), SanctionId.of(id), spec, Actor.moderator(UserId.of(moderator)),
                "test", Instant.now(), null));
    }

    /** {@code SanctionApplied} or {@code SanctionFailed: reason} of a sanction, or null while undecided. */
    private String outcome(String sanctionId) {
        return db.sql("""
                        select event_type || coalesce(': ' || reason, '') from audit_event
                        where event_type in ('SanctionApplied', 'SanctionFailed') and ref_id = ?""")
                .param(sanctionId).query(String.class).optional().orElse(null);
    }

    @SuppressWarnings("unused")
    private FakeDiscord fake() {
        return DISCORD.discord();
    }
}
