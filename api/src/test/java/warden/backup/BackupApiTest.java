package warden.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static warden.platform.testing.ApiTokens.ADMIN_A;
import static warden.platform.testing.ApiTokens.GUILD_A;
import static warden.platform.testing.ApiTokens.MOD_A;
import static warden.platform.testing.ApiTokens.MOD_B;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import warden.common.Actor;
import warden.common.GuildId;
import warden.platform.testing.ApiClient;
import warden.platform.testing.ApiClient.Response;
import warden.platform.testing.WardenSpringTest;

/**
 * Backups over REST: moderators read them (with the snapshot), only admins ask for one, delete or schedule; refusals
 * (the server's limit, an interval too short, an unknown backup) are clear and record nothing.
 */
@WardenSpringTest
@TestPropertySource(properties = {"warden.backup.max-per-guild=2", "warden.backup.min-interval=1h"})
class BackupApiTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient db;

    @Autowired
    CommandGateway commands;

    @Autowired
    SnapshotStore snapshots;

    ApiClient api;
    String base = "/api/v1/guilds/" + GUILD_A;

    static final ServerSnapshot SNAPSHOT = new ServerSnapshot(
            "Guild A",
            "LOW",
            null,
            List.of(new ServerSnapshot.RoleSnapshot(GUILD_A, "@everyone", 0, false, false, 1024, 0, true)),
            List.of(new ServerSnapshot.ChannelSnapshot("55", "general", "TEXT", null, 0, "hello", 0, false, List.of())),
            Map.of("77", List.of()));

    @BeforeEach
    void setUp() {
        api = new ApiClient(port);
    }

    private long events() {
        return db.sql("select count(*) from domainevententry").query(Long.class).single();
    }

    @Test
    void backupsAreReadByModeratorsAndManagedByAdminsWithinTheLimit() {
        GuildId guild = GuildId.of(GUILD_A);
        SnapshotStore.Stored stored = snapshots.store(guild, SNAPSHOT);
        assertThat(snapshots.store(guild, SNAPSHOT))
                .as("the same content is stored once")
                .isEqualTo(stored);
        commands.sendAndWait(new TakeBackup(
                guild,
                "b1",
                "before",
                stored.contentHash(),
                stored.sizeBytes(),
                1,
                1,
                1,
                false,
                2,
                Actor.system("test"),
                Instant.now()));
        await().atMost(Duration.ofSeconds(10))
                .until(() -> api.get(MOD_A, base + "/backups").body().size() == 1);

        JsonNode one = api.get(MOD_A, base + "/backups/b1").body();
        assertThat(one.path("backup").path("label").asText()).isEqualTo("before");
        assertThat(one.path("snapshot").path("channels").get(0).path("topic").asText())
                .isEqualTo("hello");
        assertThat(api.get(MOD_B, base + "/backups").status())
                .as("another server's moderator")
                .isEqualTo(403);
        assertThat(api.get(MOD_A, base + "/backups/nope").status()).isEqualTo(404);

        long before = events();
        assertThat(api.post(MOD_A, base + "/backups", "{}").status())
                .as("moderators do not take backups")
                .isEqualTo(403);
        assertThat(api.delete(MOD_A, base + "/backups/b1").status()).isEqualTo(403);
        Response tooOften = api.put(ADMIN_A, base + "/backups/schedule", "{\"every\":\"5m\"}");
        assertThat(tooOften.status()).isEqualTo(400);
        assertThat(tooOften.text("code")).isEqualTo("error.backup.every");
        Response longLabel = api.post(ADMIN_A, base + "/backups", "{\"label\":\"" + "x".repeat(101) + "\"}");
        assertThat(longLabel.status()).isEqualTo(400);
        assertThat(events()).as("refusals record nothing").isEqualTo(before);

        Response requested = api.post(ADMIN_A, base + "/backups", "{\"label\":\"from the panel\"}");
        assertThat(requested.status()).isEqualTo(202);
        assertThat(db.sql(
                                "select count(*) from domainevententry where payloadtype = 'warden.backup.BackupRequested' and convert_from(payload, 'UTF8') like ?")
                        .param("%" + requested.text("backupId") + "%")
                        .query(Long.class)
                        .single())
                .isEqualTo(1);

        commands.sendAndWait(new TakeBackup(
                guild,
                "b2",
                null,
                stored.contentHash(),
                stored.sizeBytes(),
                1,
                1,
                1,
                false,
                2,
                Actor.system("test"),
                Instant.now()));
        Response full = api.post(ADMIN_A, base + "/backups", "{}");
        assertThat(full.status()).isEqualTo(409);
        assertThat(full.text("code")).isEqualTo("error.backup.limit");

        assertThat(api.put(ADMIN_A, base + "/backups/schedule", "{\"every\":\"24h\"}")
                        .body()
                        .path("every")
                        .asText())
                .isEqualTo("1d");
        assertThat(db.sql("select count(*) from scheduled_tasks")
                        .query(Long.class)
                        .single())
                .as("the next automatic backup, in PostgreSQL")
                .isEqualTo(1);
        assertThat(api.put(ADMIN_A, base + "/backups/schedule", "{\"every\":null}")
                        .status())
                .isEqualTo(200);
        assertThat(db.sql("select count(*) from scheduled_tasks")
                        .query(Long.class)
                        .single())
                .isZero();

        assertThat(api.delete(ADMIN_A, base + "/backups/b1").status()).isEqualTo(204);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> api.get(MOD_A, base + "/backups").body().size() == 1);
        assertThat(snapshots.load(stored.contentHash()))
                .as("b2 still holds the content")
                .isPresent();
    }
}
