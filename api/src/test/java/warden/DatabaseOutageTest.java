package warden;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import warden.platform.EmbeddedDatabaseProperties;
import warden.platform.testing.ApiClient;
import warden.platform.testing.ApiTokens;
import warden.platform.testing.EmbeddedPostgresControl;
import warden.platform.testing.WardenSpringTest;

/**
 * PostgreSQL stops under load and starts again: while it is away every write is refused with a 503 problem (never a
 * 500, never an acknowledgement), the health endpoint says DOWN, and afterwards writes are acknowledged again, every
 * acknowledged infraction is in the event store and the read models catch up.
 */
@WardenSpringTest
class DatabaseOutageTest {

    private static final String MEMBER = "/api/v1/guilds/" + ApiTokens.GUILD_A + "/members/5151";

    @LocalServerPort
    int port;

    @Autowired
    EmbeddedDatabaseProperties database;

    @Autowired
    JdbcClient db;

    @Test
    void anOutageIsRefusedWithA503AndNothingAcknowledgedIsLost() throws Exception {
        ApiClient api = new ApiClient(port);
        List<String> acknowledged = Collections.synchronizedList(new ArrayList<>());
        List<ApiClient.Response> refused = Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean writing = new AtomicBoolean(true);
        Thread writer = new Thread(() -> {
            for (int i = 0; writing.get(); i++) {
                String id = "outage-" + i;
                ApiClient.Response answer =
                        api.post(ApiTokens.MOD_A, MEMBER + "/infractions", "{\"id\":\"" + id + "\",\"type\":\"SPAM\"}");
                if (answer.status() == 201) acknowledged.add(id);
                else refused.add(answer);
            }
        });
        writer.start();
        EmbeddedPostgresControl postgres = EmbeddedPostgresControl.of(database);
        try {
            await().atMost(Duration.ofSeconds(30)).until(() -> acknowledged.size() >= 20);
            postgres.stop();
            await().atMost(Duration.ofSeconds(60)).until(() -> refused.size() >= 2);
            assertThat(api.get(null, "/actuator/health").status())
                    .as("health during the outage")
                    .isEqualTo(503);
            int beforeRecovery = acknowledged.size();
            postgres.start();
            await().atMost(Duration.ofSeconds(60)).until(() -> acknowledged.size() >= beforeRecovery + 20);
        } finally {
            writing.set(false);
            writer.join();
        }

        assertThat(refused).allSatisfy(answer -> {
            assertThat(answer.status()).isEqualTo(503);
            assertThat(answer.text("code")).isIn("error.database.unavailable", "error.database.outcomeUnknown");
            assertThat(answer.text("outcome")).isIn("not-stored", "unknown");
        });
        assertThat(api.get(null, "/actuator/health").status()).isEqualTo(200);
        List<String> stored = db.sql("""
                        select convert_from(payload, 'UTF8')::jsonb->>'infractionId' from domainevententry
                        where payloadtype = 'warden.sanctions.InfractionRecorded' and aggregateidentifier = ?""")
                .param(ApiTokens.GUILD_A + ":5151")
                .query(String.class)
                .list();
        assertThat(stored).containsAll(acknowledged);
        await().atMost(Duration.ofSeconds(90))
                .until(() -> db.sql("select count(*) from audit_event")
                        .query(Long.class)
                        .single()
                        .equals(db.sql("select count(*) from domainevententry")
                                .query(Long.class)
                                .single()));
        System.out.printf(
                "[outage] %d acknowledged, %d refused with 503, %d stored%n",
                acknowledged.size(), refused.size(), stored.size());
    }
}
