package warden.raid;

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
import warden.common.GuildId;
import warden.config.ConfigureModeration;
import warden.config.GuildPolicies;
import warden.config.ModerationSettings;
import warden.discord.FakeDiscordProperties;
import warden.fakediscord.FakeDiscord;
import warden.fakediscord.FakeDiscordExtension;
import warden.fakediscord.Permission;
import warden.fakediscord.World;
import warden.platform.EmbeddedDatabaseProperties;
import warden.platform.testing.EmbeddedPostgresControl;
import warden.platform.testing.WardenSpringTest;

/**
 * A raid while PostgreSQL is away: the joins are still counted, the server is still locked down at once, and the raid
 * with its accounts (those that started it, and one that joins during it) is recorded once the database is back.
 */
@WardenSpringTest
@DirtiesContext
class RaidDuringOutageE2ETest {

    static final Duration WAIT = Duration.ofSeconds(60);
    static long guild;

    @RegisterExtension
    static final FakeDiscordExtension DISCORD = new FakeDiscordExtension(world -> {
        World.GuildSpec g = world.guild("Raided while down");
        guild = g.id();
        g.systemChannel(g.channel("general"));
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
    GuildPolicies policies;

    @Autowired
    EmbeddedDatabaseProperties database;

    @Autowired
    JdbcClient db;

    @Test
    void joinsAreCountedAndTheRaidRecordedAfterTheOutage() throws Exception {
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
                        new ModerationSettings.RaidSettings(true, 3, Duration.ofMinutes(2), Duration.ofHours(1))),
                null,
                Actor.system("test"),
                Instant.now()));
        policies.awaitVersion(GuildId.of(guild), version, WAIT);

        EmbeddedPostgresControl postgres = EmbeddedPostgresControl.of(database);
        postgres.stop();
        try {
            long first = fake.join(guild, "raider0");
            fake.join(guild, "raider1");
            fake.join(guild, "raider2");
            fake.awaitRequest("PUT", "guilds/" + guild + "/incident-actions", WAIT);
            await().atMost(WAIT).until(() -> fake.verificationLevel(guild) == 3);
            long during = fake.join(guild, "raider3");
            await().pollDelay(Duration.ofSeconds(1)).atMost(WAIT).until(() -> true);
            assertThat(first).isNotEqualTo(during);
        } finally {
            postgres.start();
        }
        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(events("warden.raid.RaidStarted")).as("raids recorded").isEqualTo(1);
            assertThat(events("warden.raid.RaidJoinRecorded"))
                    .as("the raid's accounts: the three that started it and the one during it")
                    .isEqualTo(4);
        });
    }

    private long events(String type) {
        try {
            return db.sql("select count(*) from domainevententry where payloadtype = ?")
                    .param(type)
                    .query(Long.class)
                    .single();
        } catch (RuntimeException databaseNotBackYet) {
            return -1;
        }
    }
}
