package warden.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static warden.platform.testing.ApiTokens.GUILD_B;
import static warden.platform.testing.ApiTokens.MOD_B;
import static warden.platform.testing.ApiTokens.OPERATOR;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import warden.platform.testing.ApiClient;
import warden.platform.testing.ApiClient.Response;
import warden.platform.testing.WardenSpringTest;

/**
 * Guild 2002 and its own members, so that no other test of the shared context counts these sanctions. A REST write
 * retried with the same {@code Idempotency-Key} is recorded once and answered as the first time; a key
 * reused for another request is refused; the same write without a key is two writes, as it always was.
 */
@WardenSpringTest
class IdempotencyKeyApiTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient db;

    private Response post(String token, String path, String body, String key) {
        return new ApiClient(port).send(token, "POST", path, body, null, Map.of("Idempotency-Key", key));
    }

    private long sanctionsOf(String user) {
        return db.sql("select count(*) from domainevententry where aggregateidentifier = ? and payloadtype = ?")
                .params(GUILD_B + ":" + user, "warden.sanctions.SanctionDecided")
                .query(Long.class)
                .single();
    }

    @Test
    void aRetryWithTheSameKeyIsRecordedOnceAndAnsweredAgain() {
        String path = "/api/v1/guilds/" + GUILD_B + "/members/8101/sanctions";
        String body = "{\"kind\":\"WARN\",\"reason\":\"spam in #general\"}";
        Response first = post(MOD_B, path, body, "order-8101-a");
        assertThat(first.status()).as(first.raw()).isEqualTo(201);
        Response again = post(MOD_B, path, body, "order-8101-a");
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.raw()).isEqualTo(first.raw());
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(sanctionsOf("8101")).isEqualTo(1);

        Response reused = post(MOD_B, path, "{\"kind\":\"WARN\",\"reason\":\"another thing\"}", "order-8101-a");
        assertThat(reused.status()).isEqualTo(422);
        assertThat(reused.text("code")).isEqualTo("error.idempotency.reused");
        assertThat(sanctionsOf("8101")).isEqualTo(1);

        // another caller's key is its own
        assertThat(post(OPERATOR, path, body, "order-8101-a").status()).isEqualTo(201);
        assertThat(sanctionsOf("8101")).isEqualTo(2);
    }

    @Test
    void aWriteWhoseAnswerWasLostIsFoundAgainByItsKey() {
        String path = "/api/v1/guilds/" + GUILD_B + "/members/8102/sanctions";
        String body = "{\"kind\":\"WARN\",\"reason\":\"flood\"}";
        Response first = post(MOD_B, path, body, "lost-answer");
        assertThat(first.status()).isEqualTo(201);
        // as after a 5xx whose write had in fact gone through: the kept answer is gone, the write is not
        db.sql("delete from idempotency_key where key = 'lost-answer'").update();
        Response retried = post(MOD_B, path, body, "lost-answer");
        assertThat(retried.status()).isEqualTo(201);
        assertThat(retried.text("id")).isEqualTo(first.text("id"));
        assertThat(sanctionsOf("8102")).isEqualTo(1);
    }

    @Test
    void withoutAKeyTwoWritesAreTwoAndABadKeyIsRefused() {
        String path = "/api/v1/guilds/" + GUILD_B + "/members/8103/sanctions";
        String body = "{\"kind\":\"WARN\",\"reason\":\"twice\"}";
        ApiClient api = new ApiClient(port);
        assertThat(api.post(MOD_B, path, body).status()).isEqualTo(201);
        assertThat(api.post(MOD_B, path, body).status()).isEqualTo(201);
        assertThat(sanctionsOf("8103")).isEqualTo(2);
        Response tooLong = post(MOD_B, path, body, "k".repeat(256));
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.text("code")).isEqualTo("error.idempotency.key");
        assertThat(sanctionsOf("8103")).isEqualTo(2);
    }
}
