package warden.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static warden.platform.testing.ApiTokens.ADMIN_A;
import static warden.platform.testing.ApiTokens.GUILD_A;
import static warden.platform.testing.ApiTokens.MOD_A;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import warden.platform.testing.ApiClient;
import warden.platform.testing.ApiClient.Response;
import warden.platform.testing.WardenSpringTest;

/** Sanctions managed after the fact over REST: edits with their trail, a new end, removal and reset; refusals change nothing. */
@WardenSpringTest
class SanctionManagementApiTest {

    private static final AtomicLong USERS = new AtomicLong(7000);

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

    private String sanction(String body) {
        Response created = api.post(MOD_A, base + "/sanctions", body);
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        return created.text("id");
    }

    private JsonNode explanation(String sanction) {
        return api.get(MOD_A, "/api/v1/guilds/" + GUILD_A + "/sanctions/" + sanction + "/explanation")
                .body();
    }

    private long events() {
        return db.sql("select count(*) from domainevententry").query(Long.class).single();
    }

    @Test
    void reasonAndContextEditsKeepTheirTrailInTheExplanation() {
        String id = sanction("{\"kind\":\"TIMEOUT\",\"duration\":\"1h\",\"reason\":\"spam\"}");
        assertThat(api.send(
                                MOD_A,
                                "PATCH",
                                base + "/sanctions/" + id,
                                "{\"reason\":\"spam in #general\",\"context\":\"ticket 42\"}",
                                null)
                        .status())
                .isEqualTo(200);
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(explanation(id).path("changes")).hasSize(2));
        JsonNode x = explanation(id);
        assertThat(x.path("reason").asText()).isEqualTo("spam in #general");
        assertThat(x.path("context").asText()).isEqualTo("ticket 42");
        assertThat(x.path("changes").get(0).path("what").asText()).isEqualTo("REASON");
        assertThat(x.path("changes").get(0).path("before").asText()).isEqualTo("spam");
        assertThat(x.path("changes").get(0).path("by").asText()).isEqualTo("api:mod-a");
    }

    @Test
    void aNewEndMovesTheStandingAndBadEndsAreRefusedWithoutAnEvent() {
        String id = sanction("{\"kind\":\"TIMEOUT\",\"duration\":\"1h\"}");
        long before = events();
        Response tooLong = api.post(MOD_A, base + "/sanctions/" + id + "/retime", "{\"duration\":\"40d\"}");
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.text("code")).isEqualTo("error.sanction.duration.range");
        Response both = api.post(
                MOD_A,
                base + "/sanctions/" + id + "/retime",
                "{\"duration\":\"2h\",\"until\":\"2030-01-01T00:00:00Z\"}");
        assertThat(both.text("code")).isEqualTo("error.sanction.newEnd");
        assertThat(events()).isEqualTo(before);

        assertThat(api.post(MOD_A, base + "/sanctions/" + id + "/retime", "{\"duration\":\"3h\",\"reason\":\"again\"}")
                        .status())
                .isEqualTo(200);
        Instant inTwoHours = Instant.now().plus(Duration.ofHours(2));
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(api.get(MOD_A, base + "/standing?at=" + inTwoHours)
                                .body()
                                .path("activeSanctions"))
                        .hasSize(1));
        assertThat(explanation(id).path("changes").get(0).path("what").asText()).isEqualTo("END");
    }

    @Test
    void aRemovedSanctionLeavesTheStandingButStaysInTheLog() {
        String id = sanction("{\"kind\":\"BAN\",\"duration\":\"7d\",\"reason\":\"raid\"}");
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(
                                api.get(MOD_A, base + "/standing").body().path("activeSanctions"))
                        .hasSize(1));
        assertThat(api.post(MOD_A, base + "/sanctions/" + id + "/remove", "{\"reason\":\"wrong member\"}")
                        .status())
                .isEqualTo(200);
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(
                                api.get(MOD_A, base + "/standing").body().path("activeSanctions"))
                        .isEmpty());
        assertThat(explanation(id).path("removed").path("reason").asText()).isEqualTo("wrong member");
        assertThat(api.get(MOD_A, base + "/infractions").body().path("entries").toString())
                .contains("SanctionRemoved")
                .contains("SanctionDecided");
        Response again = api.post(MOD_A, base + "/sanctions/" + id + "/remove", "{}");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.text("code")).isEqualTo("error.sanction.removed");
    }

    @Test
    void aBanDeletesZeroToSevenDaysOfMessagesAndOnlyABan() {
        long before = events();
        Response tooMany = api.post(MOD_A, base + "/sanctions", "{\"kind\":\"BAN\",\"deleteMessageDays\":9}");
        assertThat(tooMany.status()).isEqualTo(400);
        assertThat(tooMany.text("code")).isEqualTo("error.sanction.deleteDays.range");
        assertThat(tooMany.text("field")).isEqualTo("deleteMessageDays");
        Response kick = api.post(MOD_A, base + "/sanctions", "{\"kind\":\"KICK\",\"deleteMessageDays\":1}");
        assertThat(kick.text("code")).isEqualTo("error.sanction.deleteDays.banOnly");
        assertThat(events()).isEqualTo(before);
        String id = sanction("{\"kind\":\"BAN\",\"deleteMessageDays\":2}");
        assertThat(db.sql(
                                "select convert_from(payload, 'UTF8') from domainevententry where payloadtype = 'warden.sanctions.SanctionDecided'"
                                        + " and convert_from(payload, 'UTF8') like ?")
                        .param("%" + id + "%")
                        .query(String.class)
                        .single())
                .contains("\"deleteMessageDays\":2");
    }

    @Test
    void aServersResetIsForAdminsConfirmedAndRemovesWhatWasDecidedBeforeIt() {
        String guildBase = "/api/v1/guilds/" + GUILD_A;
        String other = Long.toString(USERS.incrementAndGet());
        String first = sanction("{\"kind\":\"WARN\",\"reason\":\"before the reset\"}");
        Response second = api.post(
                MOD_A, guildBase + "/members/" + other + "/sanctions", "{\"kind\":\"KICK\",\"reason\":\"before too\"}");
        long before = events();
        assertThat(api.post(MOD_A, guildBase + "/sanctions/reset", "{\"confirm\":\"" + GUILD_A + "\"}")
                        .status())
                .isEqualTo(403);
        Response unconfirmed = api.post(ADMIN_A, guildBase + "/sanctions/reset", "{\"confirm\":\"" + user + "\"}");
        assertThat(unconfirmed.text("code")).isEqualTo("error.sanction.serverResetConfirm");
        assertThat(events()).isEqualTo(before);

        Response reset = api.post(
                ADMIN_A, guildBase + "/sanctions/reset", "{\"confirm\":\"" + GUILD_A + "\",\"reason\":\"new rules\"}");
        assertThat(reset.status()).as(reset.raw()).isEqualTo(200);
        String resetId = reset.text("resetId");
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            assertThat(explanation(first).path("removed").path("resetId").asText())
                    .isEqualTo(resetId);
            assertThat(explanation(second.text("id"))
                            .path("removed")
                            .path("resetId")
                            .asText())
                    .isEqualTo(resetId);
        });
        String after = sanction("{\"kind\":\"WARN\",\"reason\":\"after the reset\"}");
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() ->
                        assertThat(explanation(after).path("status").asText()).isNotEmpty());
        assertThat(explanation(after).path("removed").isNull()
                        || explanation(after).path("removed").isMissingNode())
                .isTrue();
    }

    @Test
    void evidenceImagesComeFromDiscordsServersOnly() {
        String id = sanction("{\"kind\":\"WARN\"}");
        long before = events();
        Response elsewhere =
                api.post(MOD_A, base + "/sanctions/" + id + "/evidence", "{\"url\":\"https://example.com/a.png\"}");
        assertThat(elsewhere.status()).isEqualTo(400);
        assertThat(elsewhere.text("code")).isEqualTo("error.evidence.host");
        Response internal =
                api.post(MOD_A, base + "/sanctions/" + id + "/evidence", "{\"url\":\"http://169.254.169.254/latest\"}");
        assertThat(internal.text("code")).isEqualTo("error.evidence.host");
        assertThat(events()).isEqualTo(before);
    }

    @Test
    void aResetIsForAdminsAndMustBeConfirmed() {
        String warn = sanction("{\"kind\":\"WARN\"}");
        String timeout = sanction("{\"kind\":\"TIMEOUT\",\"duration\":\"1h\"}");
        long before = events();
        assertThat(api.post(MOD_A, base + "/sanctions/reset", "{\"confirm\":\"" + user + "\"}")
                        .status())
                .isEqualTo(403);
        Response unconfirmed = api.post(ADMIN_A, base + "/sanctions/reset", "{\"confirm\":\"123\"}");
        assertThat(unconfirmed.status()).isEqualTo(400);
        assertThat(unconfirmed.text("code")).isEqualTo("error.sanction.resetConfirm");
        assertThat(events()).isEqualTo(before);

        Response reset = api.post(
                ADMIN_A, base + "/sanctions/reset", "{\"confirm\":\"" + user + "\",\"reason\":\"fresh start\"}");
        assertThat(reset.status()).as(reset.raw()).isEqualTo(200);
        String resetId = reset.text("resetId");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(explanation(warn).path("removed").path("resetId").asText())
                    .isEqualTo(resetId);
            assertThat(explanation(timeout).path("removed").path("resetId").asText())
                    .isEqualTo(resetId);
        });
        assertThat(api.post(ADMIN_A, base + "/sanctions/reset", "{\"confirm\":\"" + user + "\"}")
                        .text("code"))
                .isEqualTo("error.sanction.noneToReset");
    }
}
