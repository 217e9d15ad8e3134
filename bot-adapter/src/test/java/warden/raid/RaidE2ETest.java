package warden.raid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
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
import warden.common.Actor;
import warden.common.GuildId;
import warden.config.ConfigureModeration;
import warden.config.ModerationSettings;
import warden.discord.FakeDiscordProperties;
import warden.fakediscord.FakeDiscord;
import warden.fakediscord.FakeDiscordExtension;
import warden.fakediscord.Permission;
import warden.fakediscord.World;
import warden.platform.testing.WardenSpringTest;

/** Raid mode on the fake Discord: a burst of joins detected, the lockdown, the raid accounts timed out, the end. */
@WardenSpringTest
@DirtiesContext
class RaidE2ETest {

    static final Duration WAIT = Duration.ofSeconds(20);
    static long guild, general, admin;

    @RegisterExtension
    static final FakeDiscordExtension DISCORD = new FakeDiscordExtension(world -> {
        World.GuildSpec g = world.guild("Raided guild");
        guild = g.id();
        general = g.channel("general");
        g.systemChannel(general);
        admin = g.member(
                "admin", g.role("Admins", Permission.EVERYONE | Permission.MANAGE_GUILD | Permission.MODERATE_MEMBERS));
        g.owner(g.member("owner"));
        g.withWarden(Permission.MODERATION_BOT, 5);
    });

    @DynamicPropertySource
    static void discord(DynamicPropertyRegistry registry) {
        FakeDiscordProperties.register(registry, DISCORD);
    }

    @Autowired
    CommandGateway commands;

    @Autowired
    JdbcClient db;

    @Autowired
    warden.config.GuildPolicies policies;

    private String slash(String sub, List<Map<String, Object>> options) throws Exception {
        FakeDiscord fake = DISCORD.discord();
        String token = fake.slashCommand(
                guild, general, admin, "raid", List.of(Map.of("name", sub, "type", 1, "options", options)), "en-US");
        return fake.awaitInteractionAnswer(token, WAIT).content();
    }

    @Test
    void aBurstOfJoinsStartsRaidModeAndAnAdminDealsWithTheAccountsAndEndsIt() throws Exception {
        FakeDiscord fake = DISCORD.discord();
        long version = commands.sendAndWait(new ConfigureModeration(
                GuildId.of(guild),
                new ModerationSettings(
                        true,
                        false,
                        null,
                        null,
                        false,
                        null,
                        new ModerationSettings.RaidSettings(true, 5, Duration.ofSeconds(30), Duration.ofHours(2))),
                null,
                Actor.system("test"),
                Instant.now()));
        assertThat(policies.awaitVersion(GuildId.of(guild), version, WAIT)
                        .moderation()
                        .raid()
                        .joins())
                .isEqualTo(5);
        assertThat(slash("status", List.of())).isEqualTo("Raid mode is not on.");
        List<Long> raiders = new ArrayList<>();
        for (int i = 0; i < 4; i++) raiders.add(fake.join(guild, "raider" + i));
        assertThat(fake.invitesDisabledUntil(guild))
                .as("four joins are not a raid")
                .isNull();
        raiders.add(fake.join(guild, "raider4"));

        fake.awaitRequest("PUT", "guilds/" + guild + "/incident-actions", WAIT);
        await().atMost(WAIT).until(() -> fake.verificationLevel(guild) == 3);
        assertThat(Instant.parse(fake.invitesDisabledUntil(guild)))
                .isAfter(Instant.now().plus(Duration.ofMinutes(110)));
        fake.awaitRequest(
                r -> r.is("POST", "channels/" + general + "/messages")
                        && String.valueOf(r.text("content"))
                                .startsWith("🚨 Raid detected: 5 members joined within 30s"),
                WAIT,
                "raid notice");

        raiders.add(fake.join(guild, "late-raider"));
        await().atMost(WAIT)
                .until(() -> db.sql("select count(*) from raid_account where guild_id = ?")
                                .param(guild)
                                .query(Long.class)
                                .single()
                        == 6);
        assertThat(slash("timeout-joiners", List.of())).startsWith("6 account(s) joined during the current raid");
        assertThat(slash("timeout-joiners", List.of(Map.of("name", "confirm", "type", 4, "value", 6))))
                .isEqualTo("6 account(s) that joined during the raid are being timed out.");
        for (long raider : raiders) {
            fake.awaitRequest(
                    r -> r.is("PATCH", "guilds/" + guild + "/members/" + raider)
                            && r.text("communication_disabled_until") != null,
                    WAIT,
                    "timeout of " + raider);
        }

        assertThat(slash("off", List.of())).startsWith("Raid mode is off: 6 account(s) joined during it.");
        await().atMost(WAIT)
                .until(() -> fake.verificationLevel(guild) == 0 && fake.invitesDisabledUntil(guild) == null);
        await().atMost(WAIT)
                .until(() -> db.sql("select count(*) from audit_event where guild_id = ? and event_type = 'RaidEnded'")
                                .param(guild)
                                .query(Long.class)
                                .single()
                        == 1);
        assertThat(slash("off", List.of())).isEqualTo("Raid mode is not on.");
    }
}
