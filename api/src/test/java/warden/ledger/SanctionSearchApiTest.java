package warden.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static warden.platform.testing.ApiTokens.ADMIN_A;
import static warden.platform.testing.ApiTokens.GUILD_A;
import static warden.platform.testing.ApiTokens.GUILD_B;
import static warden.platform.testing.ApiTokens.MOD_A;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.web.server.LocalServerPort;
import warden.platform.testing.ApiClient;
import warden.platform.testing.ApiClient.Response;
import warden.platform.testing.WardenSpringTest;

/** A server's sanctions filtered by member, kind, moderator, in force or not, and words of the reason (full-text). */
@WardenSpringTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SanctionSearchApiTest {

    static final String ALICE = "9100";
    static final String BOB = "9101";

    @LocalServerPort
    int port;

    ApiClient api;
    String guild;
    String removed;

    @BeforeAll
    void sanctions() {
        api = new ApiClient(port);
        guild = "/api/v1/guilds/" + GUILD_A;
        post(MOD_A, ALICE, "{\"kind\":\"WARN\",\"reason\":\"insulted the moderators\"}");
        post(MOD_A, ALICE, "{\"kind\":\"TIMEOUT\",\"duration\":\"1h\",\"reason\":\"spamming links in #general\"}");
        post(ADMIN_A, BOB, "{\"kind\":\"BAN\",\"reason\":\"raid with alt accounts\"}");
        post(ADMIN_A, BOB, "{\"kind\":\"KICK\",\"reason\":\"a publicité pour des serveurs\"}");
        removed = post(MOD_A, BOB, "{\"kind\":\"WARN\",\"reason\":\"wrong member, insulted\"}");
        api.post(MOD_A, guild + "/members/" + BOB + "/sanctions/" + removed + "/remove", "{}");
        await().atMost(Duration.ofSeconds(10))
                .until(() -> search("removed=true").path("total").asLong() == 5
                        && search("").path("total").asLong() == 4);
    }

    private String post(String token, String user, String body) {
        Response created = api.post(token, guild + "/members/" + user + "/sanctions", body);
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        return created.text("id");
    }

    private JsonNode search(String query) {
        Response response = api.get(MOD_A, guild + "/sanctions?" + query);
        assertThat(response.status()).as(response.raw()).isEqualTo(200);
        return response.body();
    }

    private static List<String> reasons(JsonNode page) {
        List<String> reasons = new ArrayList<>();
        page.path("entries").forEach(e -> reasons.add(e.path("reason").asText()));
        return reasons;
    }

    @Test
    void filtersByMemberKindModeratorAndWhatIsInForce() {
        assertThat(reasons(search("member=" + ALICE)))
                .containsExactly("spamming links in #general", "insulted the moderators");
        assertThat(reasons(search("kind=BAN"))).containsExactly("raid with alt accounts");
        assertThat(reasons(search("moderator=api:admin-a")))
                .containsExactlyInAnyOrder("raid with alt accounts", "a publicité pour des serveurs");
        assertThat(reasons(search("active=true")))
                .containsExactlyInAnyOrder("spamming links in #general", "raid with alt accounts");
        assertThat(reasons(search("active=false")))
                .containsExactlyInAnyOrder("insulted the moderators", "a publicité pour des serveurs");
    }

    @Test
    void everySanctionCarriesItsCaseNumberNewestHighest() {
        // the numbering is a processor of its own, a moment behind the sanctions
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            boolean numbered = true;
            for (JsonNode e : search("removed=true").path("entries"))
                numbered &= e.path("caseNumber").isNumber();
            return numbered;
        });
        List<Long> numbers = new ArrayList<>();
        search("removed=true")
                .path("entries")
                .forEach(e -> numbers.add(e.path("caseNumber").asLong()));
        assertThat(numbers).hasSize(5).doesNotHaveDuplicates().isSortedAccordingTo(java.util.Comparator.reverseOrder());
    }

    @Test
    void wordsAreFoundWithEnglishAndFrenchStemmingAndRemovedOnesOnlyWhenAsked() {
        assertThat(reasons(search("q=insult"))).containsExactly("insulted the moderators");
        assertThat(reasons(search("q=insult&removed=true")))
                .containsExactlyInAnyOrder("insulted the moderators", "wrong member, insulted");
        assertThat(reasons(search("q=link"))).containsExactly("spamming links in #general");
        assertThat(reasons(search("q=serveur"))).containsExactly("a publicité pour des serveurs");
        assertThat(reasons(search("q=raid%20-alt"))).isEmpty();
    }

    @Test
    void pagesCarryTheTotalAndOtherGuildsSeeNothing() {
        JsonNode first = search("size=3&page=0");
        assertThat(first.path("total").asLong()).isEqualTo(4);
        assertThat(first.path("entries")).hasSize(3);
        assertThat(search("size=3&page=1").path("entries")).hasSize(1);
        assertThat(api.get(MOD_A, "/api/v1/guilds/" + GUILD_B + "/sanctions").status())
                .isEqualTo(403);
        Response bad = api.get(MOD_A, guild + "/sanctions?size=500");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.text("code")).isEqualTo("error.page.size");
    }
}
