package warden.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static warden.platform.testing.ApiTokens.ADMIN_A;
import static warden.platform.testing.ApiTokens.MOD_A;
import static warden.platform.testing.ApiTokens.OPERATOR;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import warden.platform.testing.ApiClient;
import warden.platform.testing.ApiClient.Response;
import warden.platform.testing.WardenSpringTest;

/** Sanction rules through the API: limits, validation, and a rule firing with a full explanation. */
@WardenSpringTest
class SanctionRulesApiTest {

    private static final AtomicLong GUILDS = new AtomicLong(1001);

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient db;

    ApiClient api;

    @BeforeEach
    void setUp() {
        api = new ApiClient(port);
    }

    private static String rule(String id, String type, int threshold, String window, String sanction, String duration) {
        return "{\"id\":\"" + id + "\",\"infractionType\":\"" + type + "\",\"threshold\":" + threshold
                + ",\"window\":\"" + window + "\",\"sanction\":\"" + sanction + "\""
                + (duration == null ? "" : ",\"duration\":\"" + duration + "\"") + "}";
    }

    @Test
    void aRuleFiresAndExplainsItself() {
        // a guild of its own, so that this rule does not fire in the other tests' guild
        String policy = "/api/v1/guilds/3003/policy";
        Response added = api.post(OPERATOR, policy + "/rules", rule("spam3", "spam", 3, "10m", "timeout", "1h"));
        assertThat(added.status()).isEqualTo(201);
        long version = added.body().path("version").asLong();
        assertThat(version).isPositive();

        String member = "/api/v1/guilds/3003/members/4242";
        for (int i = 1; i <= 3; i++) {
            assertThat(api.post(
                                    OPERATOR,
                                    member + "/infractions",
                                    "{\"id\":\"sp" + i + "\",\"type\":\"SPAM\",\"channelId\":\"9\",\"messageId\":\"10"
                                            + i + "\"}")
                            .status())
                    .isEqualTo(201);
        }
        String sanctionId = "rule:spam3:sp3";
        Response explanation = awaitOk("/api/v1/guilds/3003/sanctions/" + sanctionId + "/explanation");
        assertThat(explanation.text("kind")).isEqualTo("TIMEOUT");
        assertThat(explanation.text("decidedBy")).isEqualTo("rule:spam3");
        assertThat(explanation.body().path("rule").path("policyVersion").asLong())
                .isEqualTo(version);
        assertThat(explanation.body().path("rule").path("threshold").asInt()).isEqualTo(3);
        assertThat(explanation.body().path("counted")).hasSize(3);
        assertThat(explanation
                        .body()
                        .path("counted")
                        .get(2)
                        .path("evidence")
                        .path("messageId")
                        .asText())
                .isEqualTo("103");

        Response log = api.get(OPERATOR, member + "/infractions");
        assertThat(log.body().path("entries").get(0).path("eventType").asText()).isEqualTo("SanctionDecided");
    }

    @Test
    void moderatorsMayReadButNotChangeThePolicy() {
        assertThat(api.get(MOD_A, "/api/v1/guilds/1001/policy").status()).isEqualTo(200);
        assertThat(api.post(MOD_A, "/api/v1/guilds/1001/policy/rules", rule("x", "any", 2, "1h", "kick", null))
                        .status())
                .isEqualTo(403);
    }

    @Test
    void invalidRulesNameTheFieldAndChangeNothing() {
        String policy = "/api/v1/guilds/1001/policy";
        long before = db.sql("select count(*) from domainevententry")
                .query(Long.class)
                .single();
        Response threshold = api.post(ADMIN_A, policy + "/rules", rule("bad", "spam", 0, "10m", "kick", null));
        assertThat(threshold.status()).isEqualTo(400);
        assertThat(threshold.text("field")).isEqualTo("threshold");
        Response window =
                api.send(ADMIN_A, "POST", policy + "/rules", rule("bad", "spam", 3, "45d", "kick", null), "fr");
        assertThat(window.text("field")).isEqualTo("window");
        assertThat(window.text("detail")).startsWith("L'intervalle de temps doit être compris entre");
        Response type = api.post(ADMIN_A, policy + "/rules", rule("bad", "shouting", 3, "10m", "kick", null));
        assertThat(type.text("field")).isEqualTo("infractionType");
        Response duration = api.post(ADMIN_A, policy + "/rules", rule("bad", "spam", 3, "10m", "timeout", null));
        assertThat(duration.text("field")).isEqualTo("duration");
        assertThat(db.sql("select count(*) from domainevententry")
                        .query(Long.class)
                        .single())
                .isEqualTo(before);
    }

    @Test
    void theEleventhRuleIsRefusedUnlessTheGuildIsPremium() {
        String guild = "/api/v1/guilds/" + GUILDS.incrementAndGet() + "00";
        // the admin-a token is scoped to 1001 only: use the operator, an admin of every guild
        for (int i = 1; i <= 10; i++) {
            assertThat(api.post(OPERATOR, guild + "/policy/rules", rule("r" + i, "any", 3, "1h", "warn", null))
                            .status())
                    .isEqualTo(201);
        }
        Response eleventh = api.post(OPERATOR, guild + "/policy/rules", rule("r11", "any", 3, "1h", "warn", null));
        assertThat(eleventh.status()).isEqualTo(409);
        assertThat(eleventh.text("code")).isEqualTo("error.rule.limit");

        String id = guild.substring(guild.lastIndexOf('/') + 1);
        assertThat(api.put(ADMIN_A, "/api/v1/admin/guilds/" + id + "/premium", "{\"premium\":true}")
                        .status())
                .isEqualTo(403);
        assertThat(api.put(OPERATOR, "/api/v1/admin/guilds/" + id + "/premium", "{\"premium\":true}")
                        .status())
                .isEqualTo(200);
        assertThat(api.post(OPERATOR, guild + "/policy/rules", rule("r11", "any", 3, "1h", "warn", null))
                        .status())
                .isEqualTo(201);
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(
                                api.get(OPERATOR, guild + "/policy").body().path("rules"))
                        .hasSize(11));
    }

    @Test
    void rulesCanBeDisabledChangedAndRemoved() {
        String policy = "/api/v1/guilds/1001/policy";
        api.post(ADMIN_A, policy + "/rules", rule("life", "caps", 5, "1h", "warn", null));
        assertThat(api.post(ADMIN_A, policy + "/rules/life/disable", null).status())
                .isEqualTo(200);
        assertThat(api.put(ADMIN_A, policy + "/rules/life", rule("life", "caps", 6, "2h", "kick", null))
                        .status())
                .isEqualTo(200);
        assertThat(api.delete(ADMIN_A, policy + "/rules/life").status()).isEqualTo(200);
        Response unknown = api.delete(ADMIN_A, policy + "/rules/life");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.text("code")).isEqualTo("error.rule.unknown");
    }

    @Test
    void anUnknownSanctionHasNoExplanation() {
        Response response = api.get(MOD_A, "/api/v1/guilds/1001/sanctions/nope/explanation");
        assertThat(response.status()).isEqualTo(404);
    }

    private Response awaitOk(String path) {
        await().atMost(Duration.ofSeconds(10))
                .until(() -> api.get(OPERATOR, path).status() == 200);
        return api.get(OPERATOR, path);
    }
}
