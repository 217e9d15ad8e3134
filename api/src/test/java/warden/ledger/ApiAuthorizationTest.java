package warden.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static warden.platform.testing.ApiTokens.ADMIN_A;
import static warden.platform.testing.ApiTokens.GUILD_A;
import static warden.platform.testing.ApiTokens.MOD_A;
import static warden.platform.testing.ApiTokens.MOD_B;
import static warden.platform.testing.ApiTokens.OPERATOR;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import warden.platform.testing.ApiClient;
import warden.platform.testing.ApiClient.Response;
import warden.platform.testing.WardenSpringTest;

/** The authorisation matrix: no token, unknown token, wrong guild, wrong role. */
@WardenSpringTest
class ApiAuthorizationTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient db;

    ApiClient api;
    final String log = "/api/v1/guilds/" + GUILD_A + "/members/77/infractions";

    @BeforeEach
    void setUp() {
        api = new ApiClient(port);
    }

    @Test
    void noTokenIsUnauthorizedWithAProblem() {
        Response response = api.get(null, log);
        assertThat(response.status()).isEqualTo(401);
        assertThat(response.text("code")).isEqualTo("error.auth.missing");
    }

    @Test
    void anUnknownTokenIsUnauthorized() {
        assertThat(api.get("not-a-token", log).status()).isEqualTo(401);
    }

    @Test
    void aTokenOfAnotherGuildIsForbiddenAndChangesNothing() {
        assertThat(api.get(MOD_B, log).status()).isEqualTo(403);
        long before = db.sql("select count(*) from domainevententry")
                .query(Long.class)
                .single();
        Response write = api.send(MOD_B, "POST", log, "{\"type\":\"SPAM\"}", "fr");
        assertThat(write.status()).isEqualTo(403);
        assertThat(write.text("detail")).isEqualTo("Ce jeton ne peut pas faire cela sur ce serveur.");
        assertThat(db.sql("select count(*) from domainevententry")
                        .query(Long.class)
                        .single())
                .isEqualTo(before);
    }

    @Test
    void theGuildsOwnTokensAndTheOperatorMayRead() {
        assertThat(api.get(MOD_A, log).status()).isEqualTo(200);
        assertThat(api.get(ADMIN_A, log).status()).isEqualTo(200);
        assertThat(api.get(OPERATOR, log).status()).isEqualTo(200);
    }

    @Test
    void replayNeedsAnAdminOfEveryGuild() {
        assertThat(api.get(MOD_A, "/api/v1/admin/replay").status()).isEqualTo(403);
        assertThat(api.get(ADMIN_A, "/api/v1/admin/replay").status()).isEqualTo(403);
        assertThat(api.get(OPERATOR, "/api/v1/admin/replay").status()).isEqualTo(200);
    }

    @Test
    void healthAndTheOpenApiDescriptionArePublic() {
        assertThat(api.get(null, "/actuator/health").status()).isEqualTo(200);
        Response openApi = api.get(null, "/v3/api-docs");
        assertThat(openApi.status()).isEqualTo(200);
        assertThat(openApi.body().path("paths").has("/api/v1/guilds/{guild}/members/{user}/infractions"))
                .isTrue();
        // written out as the stored JSON object, not as a string
        assertThat(openApi.body()
                        .at("/components/schemas/HistoryEntry/properties/details/type")
                        .asText())
                .isEqualTo("object");
    }

    @Test
    void metricsNeedTheOperator() {
        assertThat(api.get(null, "/actuator/metrics").status()).isEqualTo(401);
        assertThat(api.get(MOD_A, "/actuator/metrics").status()).isEqualTo(403);
        assertThat(api.get(OPERATOR, "/actuator/metrics").status()).isEqualTo(200);
    }
}
