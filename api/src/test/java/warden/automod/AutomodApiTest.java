package warden.automod;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static warden.platform.testing.ApiTokens.ADMIN_A;
import static warden.platform.testing.ApiTokens.GUILD_A;
import static warden.platform.testing.ApiTokens.MOD_A;

import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import warden.platform.testing.ApiClient;
import warden.platform.testing.ApiClient.Response;
import warden.platform.testing.WardenSpringTest;

/** Automod settings through the API (validated, versioned) and the evaluate call that changes nothing. */
@WardenSpringTest
class AutomodApiTest {

    private static final String DOCUMENT = """
            {"vocabulary": {"enabled": true, "words": ["chat*", "idiot"], "censor": true},
             "caps": {"enabled": true, "silent": true, "maxPercent": 70, "minLength": 8},
             "spam": {"enabled": true, "window": "PT5S", "limit": 3}}""";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient db;

    ApiClient api;
    String policy;

    @BeforeEach
    void setUp() {
        api = new ApiClient(port);
        policy = "/api/v1/guilds/" + GUILD_A + "/policy";
    }

    @Test
    void settingsAreStoredVersionedAndEvaluatedWithoutSideEffects() {
        Response put = api.put(ADMIN_A, policy + "/automod", DOCUMENT);
        assertThat(put.status()).as(put.raw()).isEqualTo(200);
        long version = put.body().path("version").asLong();
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(api.get(MOD_A, policy)
                                .body()
                                .path("automod")
                                .path("vocabulary")
                                .path("words")
                                .toString())
                        .contains("chat*"));

        long events = db.sql("select count(*) from domainevententry")
                .query(Long.class)
                .single();
        Response evaluated = api.send(
                MOD_A,
                "POST",
                "/api/v1/guilds/" + GUILD_A + "/automod/evaluate",
                "{\"content\":\"t'es un c.h.a.t idiot\"}",
                "fr");
        assertThat(evaluated.status()).isEqualTo(200);
        assertThat(evaluated.body().path("flagged").asBoolean()).isTrue();
        assertThat(evaluated.body().path("policyVersion").asLong()).isEqualTo(version);
        assertThat(evaluated.body().path("violations").get(0).path("module").asText())
                .isEqualTo("vocabulary");
        assertThat(evaluated.body().path("violations").get(0).path("reason").asText())
                .startsWith("Votre message contient");
        assertThat(evaluated.body().path("violations").get(0).path("spans")).hasSize(2);
        assertThat(evaluated.text("repost")).isEqualTo("t'es un ███████ █████");
        assertThat(db.sql("select count(*) from domainevententry")
                        .query(Long.class)
                        .single())
                .isEqualTo(events);

        // the same document again changes nothing and keeps the version
        assertThat(api.put(ADMIN_A, policy + "/automod", DOCUMENT)
                        .body()
                        .path("version")
                        .asLong())
                .isEqualTo(version);
    }

    @Test
    void invalidSettingsAreRefusedWithTheirField() {
        long events = db.sql("select count(*) from domainevententry")
                .query(Long.class)
                .single();
        Response percent =
                api.put(ADMIN_A, policy + "/automod", "{\"caps\": {\"enabled\": true, \"maxPercent\": 150}}");
        assertThat(percent.status()).isEqualTo(400);
        assertThat(percent.text("code")).as(percent.raw()).isEqualTo("error.setting.range");
        assertThat(percent.text("field")).isEqualTo("caps.maxPercent");
        Response empty = api.put(ADMIN_A, policy + "/automod", "{\"vocabulary\": {\"words\": [\"ok\", \" \"]}}");
        assertThat(empty.text("code")).isEqualTo("error.vocabulary.empty");
        Response premium = api.put(ADMIN_A, policy + "/automod", "{\"invites\": {\"immuneServers\": [\"123\"]}}");
        assertThat(premium.status()).isEqualTo(400);
        assertThat(premium.text("code")).isEqualTo("error.automod.premiumOnly");
        String roles = java.util.stream.IntStream.range(0, 21)
                .mapToObj(i -> "\"" + (1_000_000_000_000_000L + i) + "\"")
                .collect(java.util.stream.Collectors.joining(","));
        Response exemptions = api.put(
                ADMIN_A,
                policy + "/automod",
                "{\"vocabulary\": {\"enabled\": true, \"words\": [\"x\"], \"blockMessages\": true, \"ignoredRoles\": ["
                        + roles + "]}}");
        assertThat(exemptions.status()).as(exemptions.raw()).isEqualTo(400);
        assertThat(exemptions.text("code")).isEqualTo("error.setting.tooMany");
        assertThat(exemptions.text("field")).isEqualTo("vocabulary.ignoredRoles");
        Response stale = api.put(ADMIN_A, policy + "/automod?expectedVersion=999", "{}");
        assertThat(stale.status()).isEqualTo(409);
        assertThat(db.sql("select count(*) from domainevententry")
                        .query(Long.class)
                        .single())
                .isEqualTo(events);
        assertThat(api.put(MOD_A, policy + "/automod", "{}").status()).isEqualTo(403);
    }

    @Test
    void moderationSettingsAreADocumentOfTheirOwnWithTheirChecks() {
        long events = db.sql("select count(*) from domainevententry")
                .query(Long.class)
                .single();
        Response bad =
                api.put(ADMIN_A, policy + "/moderation", "{\"dmKinds\":[\"BAN\"],\"dmTemplate\":\"bye {nickname}\"}");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.text("code")).isEqualTo("error.moderation.placeholder");
        assertThat(bad.text("field")).isEqualTo("dmTemplate");
        assertThat(api.put(MOD_A, policy + "/moderation", "{}").status()).isEqualTo(403);
        assertThat(db.sql("select count(*) from domainevententry")
                        .query(Long.class)
                        .single())
                .isEqualTo(events);
        Response saved = api.put(
                ADMIN_A,
                policy + "/moderation",
                "{\"hideResponses\":true,\"dmKinds\":[\"WARN\",\"BAN\"],\"dmTemplate\":\"{member}: {kind} on {server}\",\"dmHideModerator\":true}");
        assertThat(saved.status()).as(saved.raw()).isEqualTo(200);
        Response read = api.get(ADMIN_A, policy);
        assertThat(read.body().path("moderation").path("dmKinds").toString())
                .contains("BAN")
                .contains("WARN");
        assertThat(read.body().path("moderation").path("dmHideModerator").asBoolean())
                .isTrue();
    }

    @Test
    void evaluateRefusesAMissingContent() {
        Response response = api.post(MOD_A, "/api/v1/guilds/" + GUILD_A + "/automod/evaluate", "{}");
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.text("field")).isEqualTo("content");
    }
}
