package warden.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import warden.discord.FakeDiscordProperties;
import warden.fakediscord.FakeDiscord;
import warden.fakediscord.FakeDiscordExtension;
import warden.fakediscord.Permission;
import warden.fakediscord.World;
import warden.platform.testing.ApiClient;
import warden.platform.testing.ApiTokens;
import warden.platform.testing.WardenSpringTest;

/**
 * Automatic backups on a schedule (db-scheduler deadlines, taken on the shard's node, an unchanged server not backed up
 * twice), the server's limit and other refusals in the member's language, and a backup asked for over REST taken by
 * the bot.
 */
@WardenSpringTest
@DirtiesContext
@TestPropertySource(properties = {"warden.backup.max-per-guild=2", "warden.backup.min-interval=2s"})
class BackupScheduleE2ETest {

    static final Duration WAIT = Duration.ofSeconds(30);
    static long guild, general, owner;

    @RegisterExtension
    static final FakeDiscordExtension DISCORD = new FakeDiscordExtension(world -> {
        World.GuildSpec g = world.guild("Scheduled");
        guild = g.id();
        general = g.channel("general");
        owner = g.member("owner");
        g.owner(owner);
        g.member("member", g.role("Members", Permission.EVERYONE));
        g.withWarden(Permission.ADMINISTRATOR | Permission.MODERATION_BOT, 5);
    });

    @DynamicPropertySource
    static void discord(DynamicPropertyRegistry registry) {
        FakeDiscordProperties.register(registry, DISCORD);
    }

    @Autowired
    JdbcClient db;

    @LocalServerPort
    int port;

    private String slash(String sub, List<Map<String, Object>> options, String locale) throws Exception {
        FakeDiscord fake = DISCORD.discord();
        String token = fake.slashCommand(
                guild, general, owner, "backup", List.of(Map.of("name", sub, "type", 1, "options", options)), locale);
        return fake.awaitInteractionAnswer(token, WAIT).content();
    }

    private String slash(String sub, String option, String value) throws Exception {
        return slash(sub, List.of(Map.of("name", option, "type", 3, "value", value)), "en-US");
    }

    private long backups(boolean automatic) {
        return db.sql("select count(*) from backup where guild_id = ? and automatic = ?")
                .params(guild, automatic)
                .query(Long.class)
                .single();
    }

    private long due() {
        return db.sql("select count(*) from domainevententry where payloadtype = 'warden.backup.AutomaticBackupDue'")
                .query(Long.class)
                .single();
    }

    @Test
    void automaticBackupsFollowTheScheduleAndTheLimitHolds() throws Exception {
        assertThat(slash("schedule", "every", "1s")).isEqualTo("Automatic backups can run at most every 2s.");
        assertThat(slash("schedule", List.of(Map.of("name", "every", "type", 3, "value", "1s")), "fr"))
                .isEqualTo("Les sauvegardes automatiques ne peuvent pas être plus fréquentes que toutes les 2s.");
        assertThat(slash("schedule", "every", "2s")).startsWith("Automatic backups every 2s.");

        await().atMost(WAIT).until(() -> backups(true) == 1);
        long dueSoFar = due();
        await().atMost(WAIT).until(() -> due() >= dueSoFar + 2);
        assertThat(backups(true))
                .as("an unchanged server is not backed up again")
                .isEqualTo(1);

        DISCORD.discord().createChannel(guild, "announcements");
        await().atMost(WAIT).until(() -> backups(true) == 2);
        assertThat(slash("schedule", "every", "off")).isEqualTo("Automatic backups are off.");

        assertThat(slash("create", List.of(), "en-US"))
                .isEqualTo("This server keeps at most 2 backups: delete one first (`/backup delete`).");
        assertThat(slash("info", "backup", "nope"))
                .isEqualTo("There is no backup `nope` on this server (see `/backup list`).");
        String latest = db.sql("select backup_id from backup where guild_id = ? order by taken_at desc limit 1")
                .param(guild)
                .query(String.class)
                .single();
        assertThat(slash("delete", "backup", "latest")).isEqualTo("Backup `" + latest + "` deleted.");
        await().atMost(WAIT).until(() -> backups(true) == 1);

        ApiClient api = new ApiClient(port);
        ApiClient.Response requested =
                api.post(ApiTokens.OPERATOR, "/api/v1/guilds/" + guild + "/backups", "{\"label\":\"from the panel\"}");
        assertThat(requested.status()).as(requested.raw()).isEqualTo(202);
        String id = requested.text("backupId");
        await().atMost(WAIT)
                .until(() -> db.sql("select count(*) from backup where backup_id = ? and label = 'from the panel'")
                                .param(id)
                                .query(Long.class)
                                .single()
                        == 1);
        assertThat(slash("list", List.of(), "en-US"))
                .contains("`" + id + "`")
                .contains("from the panel")
                .contains("(automatic)");
    }
}
