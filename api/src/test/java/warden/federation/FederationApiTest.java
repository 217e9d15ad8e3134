package warden.federation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static warden.platform.testing.ApiTokens.ADMIN_A;
import static warden.platform.testing.ApiTokens.GUILD_A;
import static warden.platform.testing.ApiTokens.GUILD_B;
import static warden.platform.testing.ApiTokens.MOD_A;
import static warden.platform.testing.ApiTokens.MOD_B;

import java.time.Duration;
import java.time.Instant;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import warden.common.Actor;
import warden.common.GuildId;
import warden.platform.testing.ApiClient;
import warden.platform.testing.ApiClient.Response;
import warden.platform.testing.WardenSpringTest;

/** The federation over REST: read by moderators, published to by publishers only, settings for admins; bad input changes nothing. */
@WardenSpringTest
class FederationApiTest {

    @LocalServerPort
    int port;

    @Autowired
    CommandGateway commands;

    @Autowired
    JdbcClient db;

    private long events() {
        return db.sql("select count(*) from domainevententry").query(Long.class).single();
    }

    @Test
    void publishersPublishAndRevokeAdminsChooseTheModeAndBadInputIsRefused() {
        ApiClient api = new ApiClient(port);
        String a = "/api/v1/guilds/" + GUILD_A + "/federation";
        String b = "/api/v1/guilds/" + GUILD_B + "/federation";
        assertThat(api.get(MOD_B, b).body().path("federationId").isNull()).isTrue();
        Actor admin = Actor.system("test");
        commands.sendAndWait(new CreateFederation("fedapi01", "Alliance", GuildId.of(GUILD_A), admin, Instant.now()));
        commands.sendAndWait(new InvitePartner(
                "fedapi01",
                GuildId.of(GUILD_A),
                "i1",
                "hash-1",
                false,
                true,
                Instant.now().plusSeconds(600),
                admin,
                Instant.now()));
        commands.sendAndWait(new JoinFederation("fedapi01", GuildId.of(GUILD_B), "hash-1", admin, Instant.now()));
        await().atMost(Duration.ofSeconds(10))
                .until(() -> api.get(MOD_A, a).body().path("partners").size() == 2);

        long before = events();
        Response noReason = api.post(MOD_A, a + "/bans", "{\"user\":\"666\",\"reason\":\" \"}");
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.text("code")).isEqualTo("error.federation.reason");
        Response badLink = api.post(
                MOD_A, a + "/bans", "{\"user\":\"666\",\"reason\":\"raid\",\"evidence\":[\"http://example.org/x\"]}");
        assertThat(badLink.text("code")).isEqualTo("error.federation.evidence");
        Response subscriberOnly = api.post(MOD_B, b + "/bans", "{\"user\":\"666\",\"reason\":\"raid\"}");
        assertThat(subscriberOnly.status()).isEqualTo(409);
        assertThat(subscriberOnly.text("code")).isEqualTo("error.federation.cannotPublish");
        assertThat(api.put(MOD_A, a + "/subscription", "{\"mode\":\"alert\"}").status())
                .as("admins only")
                .isEqualTo(403);
        Response badMode = api.put(ADMIN_A, a + "/subscription", "{\"mode\":\"sometimes\"}");
        assertThat(badMode.text("code")).isEqualTo("error.federation.mode");
        assertThat(events()).as("refusals record nothing").isEqualTo(before);

        Response published = api.post(
                MOD_A,
                a + "/bans",
                "{\"user\":\"666\",\"reason\":\"raid\",\"evidence\":[\"https://example.org/1.png\"]}");
        assertThat(published.status()).isEqualTo(201);
        String entry = published.text("entryId");
        await().atMost(Duration.ofSeconds(10))
                .until(() -> api.get(MOD_B, b).body().path("entries").size() == 1);
        assertThat(api.get(MOD_B, b)
                        .body()
                        .path("entries")
                        .get(0)
                        .path("evidence")
                        .get(0)
                        .asText())
                .isEqualTo("https://example.org/1.png");
        assertThat(api.put(ADMIN_A, a + "/subscription", "{\"mode\":\"alert\",\"alertChannel\":\"4242\"}")
                        .status())
                .isEqualTo(200);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> api.get(MOD_A, a)
                        .body()
                        .path("partners")
                        .get(0)
                        .path("mode")
                        .asText()
                        .equals("ALERT"));

        assertThat(api.delete(MOD_B, b + "/bans/" + entry).status())
                .as("not the publisher")
                .isEqualTo(409);
        assertThat(api.delete(MOD_A, a + "/bans/" + entry).status()).isEqualTo(204);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> api.get(MOD_A, a).body().path("entries").isEmpty());
    }
}
