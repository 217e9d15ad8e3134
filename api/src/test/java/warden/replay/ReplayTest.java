package warden.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static warden.platform.testing.ApiTokens.GUILD_A;
import static warden.platform.testing.ApiTokens.MOD_A;
import static warden.platform.testing.ApiTokens.OPERATOR;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import warden.platform.testing.ApiClient;
import warden.platform.testing.ApiClient.Response;
import warden.platform.testing.WardenSpringTest;

/** A replay rebuilds every read model from the event store into exactly the rows live processing produced. */
@WardenSpringTest
class ReplayTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient db;

    @Autowired
    ReplayService replay;

    @Autowired
    ProjectionProcessors processors;

    @Test
    void replayRebuildsIdenticalTables() {
        ApiClient api = new ApiClient(port);
        String member = "/api/v1/guilds/" + GUILD_A + "/members/9090";
        for (int i = 0; i < 20; i++)
            api.post(MOD_A, member + "/infractions", "{\"id\":\"r-" + i + "\",\"type\":\"SPAM\"}");
        api.post(MOD_A, member + "/infractions/r-3/pardon", "{\"reason\":\"ok\"}");
        api.post(MOD_A, member + "/sanctions", "{\"kind\":\"TIMEOUT\",\"duration\":\"1h\"}");
        api.post(MOD_A, member + "/notes", "{\"text\":\"watch\"}");
        long events = db.sql("select count(*) from domainevententry")
                .query(Long.class)
                .single();
        await().atMost(Duration.ofSeconds(15))
                .until(() -> db.sql("select count(*) from audit_event")
                                .query(Long.class)
                                .single()
                        == events);

        Map<String, List<Map<String, Object>>> live = snapshot();
        // every infraction, sanction and note has the server's next case number, in the order of the events, no gaps
        await().atMost(Duration.ofSeconds(15))
                .until(() -> db.sql("select count(*) from case_number where guild_id = ? and user_id = 9090")
                                .param(Long.parseLong(GUILD_A))
                                .query(Long.class)
                                .single()
                        == 22);
        List<Map<String, Object>> cases = db.sql(
                        "select ref_id, number from case_number where guild_id = ? and user_id = 9090 order by number")
                .param(Long.parseLong(GUILD_A))
                .query()
                .listOfRows();
        assertThat(cases.subList(0, 20))
                .extracting(c -> c.get("ref_id"))
                .containsExactlyElementsOf(java.util.stream.IntStream.range(0, 20)
                        .mapToObj(i -> "r-" + i)
                        .toList());
        assertThat(db.sql("select count(distinct number) = max(number) from case_number where guild_id = ?")
                        .param(Long.parseLong(GUILD_A))
                        .query(Boolean.class)
                        .single())
                .isTrue();

        Response started = api.post(OPERATOR, "/api/v1/admin/replay", null);
        assertThat(started.status()).isEqualTo(202);
        assertThat(started.body().path("processors").toString()).contains("ledger");
        assertThat(replay.replayableProcessors()).contains("ledger");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            Response status = api.get(OPERATOR, "/api/v1/admin/replay");
            assertThat(status.text("state")).isEqualTo("DONE");
            assertThat(status.body().path("eventsDone").asLong())
                    .isEqualTo(status.body().path("eventsTotal").asLong());
        });

        assertThat(snapshot()).isEqualTo(live);
        assertThat(replay.replayableProcessors()).doesNotContain("case-numbers"); // a number once shown stays
        assertThat(db.sql(
                                "select ref_id, number from case_number where guild_id = ? and user_id = 9090 order by number")
                        .param(Long.parseLong(GUILD_A))
                        .query()
                        .listOfRows())
                .isEqualTo(cases);
        // the read models' coordinator runs on Warden's executor, and their committed batches wake it
        assertThat(processors.coordinator("ledger").getCompletedTaskCount()).isPositive();
        assertThat(processors.coordinator("ledger").wakeUps()).isPositive();
        // every row holds its event's place in the store, as the store's reader noted it (or a lookup found it)
        assertThat(db.sql("""
                select count(*) from audit_event a join domainevententry d on d.eventidentifier = a.event_id
                where a.global_index <> d.globalindex""").query(Long.class).single()).isZero();
    }

    private Map<String, List<Map<String, Object>>> snapshot() {
        return Map.of(
                "audit_event",
                        db.sql("select * from audit_event order by event_id")
                                .query()
                                .listOfRows(),
                "infraction_state",
                        db.sql("select * from infraction_state order by guild_id, user_id, infraction_id")
                                .query()
                                .listOfRows(),
                "sanction_state",
                        db.sql("select * from sanction_state order by guild_id, sanction_id")
                                .query()
                                .listOfRows());
    }
}
