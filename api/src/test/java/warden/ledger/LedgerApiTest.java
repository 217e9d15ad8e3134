package warden.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static warden.platform.testing.ApiTokens.GUILD_A;
import static warden.platform.testing.ApiTokens.MOD_A;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import warden.platform.testing.ApiClient;
import warden.platform.testing.ApiClient.Response;
import warden.platform.testing.WardenSpringTest;

/** Command -> event row (BYTEA) -> projection -> REST answer, on a real PostgreSQL. */
@WardenSpringTest
class LedgerApiTest {

    private static final AtomicLong USERS = new AtomicLong(5000);

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient db;

    ApiClient api;
    String user;
    String base;

    @BeforeEach
    void setUp() {
        api = new ApiClient(port);
        user = Long.toString(USERS.incrementAndGet());
        base = "/api/v1/guilds/" + GUILD_A + "/members/" + user;
    }

    @Test
    void anInfractionTravelsFromCommandToEventStoreToProjectionToApi() {
        Response created = api.post(
                MOD_A,
                base + "/infractions",
                "{\"id\":\"inf-1\",\"type\":\"vocabulary\",\"reason\":\"insult\",\"channelId\":\"42\",\"messageId\":\"43\"}");
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.text("id")).isEqualTo("inf-1");

        String stored =
                db.sql("""
                        select convert_from(payload, 'UTF8') from domainevententry
                        where aggregateidentifier = ? and payloadtype = 'warden.sanctions.InfractionRecorded'""").param(GUILD_A + ":" + user).query(String.class).single();
        assertThat(stored)
                .contains("\"infractionId\":\"inf-1\"")
                .contains("\"type\":\"VOCABULARY\"")
                .contains("\"occurredAt\":\"20");

        Response log = awaitLog(1);
        assertThat(log.body().path("entries").get(0).path("eventType").asText()).isEqualTo("InfractionRecorded");
        assertThat(log.body().path("entries").get(0).path("infractionType").asText())
                .isEqualTo("VOCABULARY");
        assertThat(log.body().path("entries").get(0).path("actor").asText()).isEqualTo("api:mod-a");
        assertThat(log.body()
                        .path("entries")
                        .get(0)
                        .path("details")
                        .path("evidence")
                        .path("messageId")
                        .asText())
                .isEqualTo("43");
    }

    @Test
    void aRepeatedInfractionIdIsRecordedOnce() {
        String body = "{\"id\":\"dup-1\",\"type\":\"SPAM\"}";
        assertThat(api.post(MOD_A, base + "/infractions", body).status()).isEqualTo(201);
        assertThat(api.post(MOD_A, base + "/infractions", body).status()).isEqualTo(201);
        long events = db.sql("select count(*) from domainevententry where aggregateidentifier = ?")
                .param(GUILD_A + ":" + user)
                .query(Long.class)
                .single();
        assertThat(events).isEqualTo(1);
    }

    @Test
    void aPardonedInfractionIsMarkedAndLeavesTheStanding() {
        api.post(MOD_A, base + "/infractions", "{\"id\":\"p-1\",\"type\":\"CAPS\"}");
        api.post(MOD_A, base + "/infractions", "{\"id\":\"p-2\",\"type\":\"CAPS\"}");
        awaitLog(2);
        Instant beforePardon = Instant.now();
        assertThat(api.post(MOD_A, base + "/infractions/p-1/pardon", "{\"reason\":\"misread\"}")
                        .status())
                .isEqualTo(200);

        Response log = awaitLog(3);
        JsonAssert entries = new JsonAssert(log);
        assertThat(entries.field("eventType"))
                .containsExactly("InfractionPardoned", "InfractionRecorded", "InfractionRecorded");
        assertThat(entries.pardonedRefs()).containsExactly("p-1");

        Response now = api.get(MOD_A, base + "/standing");
        assertThat(now.body().path("activeInfractions")).hasSize(1);
        assertThat(now.body().path("infractionCounts").path("CAPS").asInt()).isEqualTo(1);
        Response then = api.get(MOD_A, base + "/standing?at=" + beforePardon);
        assertThat(then.body().path("activeInfractions")).hasSize(2);
    }

    @Test
    void pardoningTwiceIsAConflictAndChangesNothing() {
        api.post(MOD_A, base + "/infractions", "{\"id\":\"t-1\"}");
        api.post(MOD_A, base + "/infractions/t-1/pardon", null);
        long before = eventCount();
        Response again = api.send(MOD_A, "POST", base + "/infractions/t-1/pardon", null, "fr");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.text("code")).isEqualTo("error.infraction.alreadyPardoned");
        assertThat(again.text("detail")).isEqualTo("L'infraction « t-1 » est déjà pardonnée.");
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void pardoningAnUnknownInfractionIsNotFound() {
        api.post(MOD_A, base + "/infractions", "{\"id\":\"u-1\"}");
        Response response = api.post(MOD_A, base + "/infractions/nope/pardon", null);
        assertThat(response.status()).isEqualTo(404);
        assertThat(response.text("detail")).isEqualTo("There is no infraction \"nope\" for this member.");
    }

    @Test
    void aTemporarySanctionIsActiveInTheStandingUntilItEnds() {
        Response created =
                api.post(MOD_A, base + "/sanctions", "{\"kind\":\"ban\",\"duration\":\"7d\",\"reason\":\"raid\"}");
        assertThat(created.status()).isEqualTo(201);
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(
                                api.get(MOD_A, base + "/standing").body().path("activeSanctions"))
                        .hasSize(1));
        Response inEightDays =
                api.get(MOD_A, base + "/standing?at=" + Instant.now().plus(Duration.ofDays(8)));
        assertThat(inEightDays.body().path("activeSanctions")).isEmpty();

        assertThat(api.post(MOD_A, base + "/sanctions/" + created.text("id") + "/lift", "{\"reason\":\"appeal\"}")
                        .status())
                .isEqualTo(200);
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(
                                api.get(MOD_A, base + "/standing").body().path("activeSanctions"))
                        .isEmpty());
    }

    @Test
    void outOfRangeDurationsAreRefusedWithTheField() {
        long before = eventCount();
        Response response = api.post(MOD_A, base + "/sanctions", "{\"kind\":\"TIMEOUT\",\"duration\":\"40d\"}");
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.text("code")).isEqualTo("error.sanction.duration.range");
        assertThat(response.text("detail")).contains("PT672H");
        Response garbage = api.post(MOD_A, base + "/sanctions", "{\"kind\":\"TIMEOUT\",\"duration\":\"soon\"}");
        assertThat(garbage.status()).isEqualTo(400);
        assertThat(garbage.text("code")).isEqualTo("error.duration.malformed");
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void malformedBodiesAreRefusedAndChangeNothing() {
        long before = eventCount();
        Response notJson = api.post(MOD_A, base + "/infractions", "{\"type\": ");
        assertThat(notJson.status()).isEqualTo(400);
        assertThat(notJson.text("code")).isEqualTo("error.body.malformed");
        assertThat(notJson.body().path("title").asText()).isEqualTo("Invalid request");
        Response unknownType = api.post(MOD_A, base + "/infractions", "{\"type\":\"SHOUTING\"}");
        assertThat(unknownType.status()).isEqualTo(400);
        Response badId = api.post(MOD_A, base + "/infractions", "{\"id\":\"has spaces\"}");
        assertThat(badId.status()).isEqualTo(400);
        assertThat(badId.text("code")).isEqualTo("error.id.malformed");
        Response badUser = api.get(MOD_A, "/api/v1/guilds/" + GUILD_A + "/members/abc/infractions");
        assertThat(badUser.status()).isEqualTo(400);
        Response hugePage = api.get(MOD_A, base + "/infractions?size=1000");
        assertThat(hugePage.status()).isEqualTo(400);
        assertThat(hugePage.text("code")).isEqualTo("error.page.size");
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void theLogFiltersByTypeAndTimeAndPages() {
        for (int i = 0; i < 5; i++)
            api.post(MOD_A, base + "/infractions", "{\"id\":\"f-" + i + "\",\"type\":\"SPAM\"}");
        api.post(MOD_A, base + "/infractions", "{\"id\":\"f-link\",\"type\":\"LINK\"}");
        awaitLog(6);
        Response links = api.get(MOD_A, base + "/infractions?type=LINK");
        assertThat(links.body().path("total").asLong()).isEqualTo(1);
        Response page = api.get(MOD_A, base + "/infractions?type=SPAM&size=2&page=1");
        assertThat(page.body().path("total").asLong()).isEqualTo(5);
        assertThat(new JsonAssert(page).field("refId")).containsExactly("f-2", "f-1");
        Response pastTheEnd = api.get(MOD_A, base + "/infractions?type=SPAM&size=2&page=5");
        assertThat(pastTheEnd.body().path("total").asLong())
                .as("a page past the end still tells the total")
                .isEqualTo(5);
        assertThat(pastTheEnd.body().path("entries")).isEmpty();
        Response future =
                api.get(MOD_A, base + "/infractions?from=" + Instant.now().plusSeconds(60));
        assertThat(future.body().path("total").asLong()).isZero();
    }

    @Test
    void theGuildTimelinePagesWithACursorWithoutGapsOrRepeats() {
        for (int i = 0; i < 7; i++) api.post(MOD_A, base + "/infractions", "{\"id\":\"tl-" + i + "\"}");
        awaitLog(7);
        List<String> seen = new ArrayList<>();
        String cursor = "";
        int pages = 0;
        do {
            Response page = api.get(MOD_A, "/api/v1/guilds/" + GUILD_A + "/timeline?limit=3&cursor=" + cursor);
            assertThat(page.status()).isEqualTo(200);
            page.body().path("entries").forEach(e -> seen.add(e.path("eventId").asText()));
            cursor = page.body().path("nextCursor").isNull() ? null : page.text("nextCursor");
            pages++;
        } while (cursor != null && pages < 100);
        long total = db.sql("select count(*) from audit_event where guild_id = ?")
                .param(Long.parseLong(GUILD_A))
                .query(Long.class)
                .single();
        assertThat(seen).doesNotHaveDuplicates().hasSize((int) total);
        Response bad = api.get(MOD_A, "/api/v1/guilds/" + GUILD_A + "/timeline?cursor=zzz");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.text("code")).isEqualTo("error.cursor.malformed");
    }

    private Response awaitLog(int expected) {
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(api.get(MOD_A, base + "/infractions")
                                .body()
                                .path("total")
                                .asInt())
                        .isEqualTo(expected));
        return api.get(MOD_A, base + "/infractions");
    }

    private long eventCount() {
        return db.sql("select count(*) from domainevententry").query(Long.class).single();
    }

    /** Reads a log page's entries. */
    private record JsonAssert(Response page) {
        List<String> field(String name) {
            List<String> values = new ArrayList<>();
            page.body().path("entries").forEach(e -> values.add(e.path(name).asText()));
            return values;
        }

        List<String> pardonedRefs() {
            List<String> values = new ArrayList<>();
            page.body().path("entries").forEach(e -> {
                if (e.path("pardoned").asBoolean()) values.add(e.path("refId").asText());
            });
            return values;
        }
    }
}
