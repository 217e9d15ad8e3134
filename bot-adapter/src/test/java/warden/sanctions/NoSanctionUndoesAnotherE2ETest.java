package warden.sanctions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
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
import warden.discord.FakeDiscordProperties;
import warden.fakediscord.FakeDiscord;
import warden.fakediscord.FakeDiscordExtension;
import warden.fakediscord.Permission;
import warden.fakediscord.World;
import warden.platform.testing.WardenSpringTest;

/**
 * A rule's one-day ban ends while a moderator's permanent ban of the same member holds: Warden records the end, and
 * leaves the member banned on Discord. A ban that ends alone is lifted, as before. A member told of a ban that Discord
 * then refused is told it did not happen.
 */
@WardenSpringTest
@DirtiesContext
class NoSanctionUndoesAnotherE2ETest {

    static final Duration WAIT = Duration.ofSeconds(30);
    static long guild, held, alone, protectedMember;

    @RegisterExtension
    static final FakeDiscordExtension DISCORD = new FakeDiscordExtension(NoSanctionUndoesAnotherE2ETest::world);

    static void world(World world) {
        World.GuildSpec g = world.guild("Bans guild");
        guild = g.id();
        g.channel("general");
        held = g.member("held");
        alone = g.member("alone");
        protectedMember = g.member("protected");
        g.owner(g.member("owner"));
        g.withWarden(Permission.MODERATION_BOT, 5);
    }

    @DynamicPropertySource
    static void discord(DynamicPropertyRegistry registry) {
        FakeDiscordProperties.register(registry, DISCORD);
        registry.add("warden.scheduler.polling-interval", () -> "500ms");
    }

    @Autowired
    CommandGateway commands;

    @Autowired
    JdbcClient db;

    @Autowired
    warden.config.GuildPolicies policies;

    @Test
    void aMemberToldOfABanThatDiscordThenRefusedIsToldItDidNotHappen() throws Exception {
        FakeDiscord fake = DISCORD.discord();
        warden.common.GuildId id = warden.common.GuildId.of(guild);
        var current = policies.current(id);
        var settings = current.moderation();
        commands.sendAndWait(new warden.config.ConfigureModeration(
                id,
                new warden.config.ModerationSettings(
                        settings.hideResponses(),
                        settings.showPublicly(),
                        java.util.Set.of(SanctionKind.WARN, SanctionKind.BAN),
                        settings.dmTemplate(),
                        settings.dmHideModerator(),
                        settings.presets(),
                        settings.raid(),
                        settings.reports()),
                current.version(),
                Actor.moderator(UserId.of(7)),
                Instant.now()));
        // the executor reads the settings this node has applied, which follow the event a moment later
        await().atMost(WAIT)
                .until(() -> policies.current(id).moderation().dmKinds().contains(SanctionKind.BAN));
        fake.inject(warden.fakediscord.Fault.missingPermissions("PUT", "guilds/" + guild + "/bans/" + protectedMember));
        commands.sendAndWait(new ImposeSanction(
                MemberKey.of(guild, protectedMember),
                SanctionId.of("refused-ban"),
                SanctionSpec.ban(null),
                Actor.moderator(UserId.of(7)),
                "raid",
                Instant.now(),
                null));
        fake.awaitRequest(
                r -> r.is("POST", "channels/\\d+/messages")
                        && String.valueOf(r.text("content")).contains("You received a ban"),
                WAIT,
                "the ban's DM");
        fake.awaitRequest(
                r -> r.is("POST", "channels/\\d+/messages")
                        && String.valueOf(r.text("content")).contains("could not be carried out"),
                WAIT,
                "the correction");
        assertThat(fake.world().guild(guild).banned(protectedMember)).isFalse();
        fake.clearFaults();
    }

    @Test
    void aBanEndingWhileAPermanentOneHoldsLeavesTheMemberBanned() {
        FakeDiscord fake = DISCORD.discord();
        MemberKey member = MemberKey.of(guild, held);
        // business time in the past, so that the rule's one-day ban ends a few seconds from now
        Instant decided = Instant.now().minus(Duration.ofDays(1)).plusSeconds(6);
        commands.sendAndWait(new ImposeSanction(
                member,
                SanctionId.of("rule-ban"),
                SanctionSpec.ban(Duration.ofDays(1)),
                Actor.rule("spam3"),
                "3 spam infractions",
                decided,
                null));
        commands.sendAndWait(new ImposeSanction(
                member,
                SanctionId.of("mod-ban"),
                SanctionSpec.ban(null),
                Actor.moderator(UserId.of(7)),
                "for good",
                Instant.now(),
                null));
        await().atMost(WAIT)
                .until(() -> fake.requests("PUT", "guilds/" + guild + "/bans/" + held)
                                .size()
                        == 2);

        await().atMost(WAIT).until(() -> expired(member) == 1);
        // the executor has handled the end: give it the time an unban would take
        await().pollDelay(Duration.ofSeconds(2)).atMost(WAIT).until(() -> true);
        assertThat(fake.requests("DELETE", "guilds/" + guild + "/bans/" + held)).isEmpty();
        assertThat(fake.world().guild(guild).banned(held)).isTrue();
    }

    @Test
    void aBanEndingAloneIsLifted() {
        FakeDiscord fake = DISCORD.discord();
        MemberKey member = MemberKey.of(guild, alone);
        Instant decided = Instant.now().minus(Duration.ofDays(1)).plusSeconds(6);
        commands.sendAndWait(new ImposeSanction(
                member,
                SanctionId.of("lone-ban"),
                SanctionSpec.ban(Duration.ofDays(1)),
                Actor.rule("spam3"),
                "3 spam infractions",
                decided,
                null));
        await().atMost(WAIT)
                .until(() -> !fake.requests("DELETE", "guilds/" + guild + "/bans/" + alone)
                        .isEmpty());
        assertThat(fake.world().guild(guild).banned(alone)).isFalse();
    }

    private long expired(MemberKey member) {
        return db.sql("""
                        select count(*) from domainevententry
                        where aggregateidentifier = ? and payloadtype = 'warden.sanctions.SanctionExpired'""").param(member.toString()).query(Long.class).single();
    }
}
