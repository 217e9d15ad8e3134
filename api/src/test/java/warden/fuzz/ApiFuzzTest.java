package warden.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import warden.ApiTestApplication;
import warden.platform.testing.ApiClient;
import warden.platform.testing.ApiTokens;

/**
 * Random, boundary, huge and Unicode values thrown at the REST API: every answer is a success or a clear refusal
 * (a problem document with a code), never a 5xx, and a refusal changes nothing in the event store.
 */
class ApiFuzzTest {

    /** A fixed seed: CI tries the same cases each time. Change it (or run with more tries) to explore further. */
    static final String SEED = "20261201";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String GUILD = "/api/v1/guilds/" + ApiTokens.GUILD_A;
    private static ConfigurableApplicationContext node;
    private static ApiClient api;
    private static JdbcClient db;

    @BeforeContainer
    static void start() {
        node = new SpringApplicationBuilder(ApiTestApplication.class)
                .run(
                        "--server.port=0",
                        "--spring.config.additional-location=classpath:warden-test-tokens.properties",
                        "--warden.embedded-db.data-dir=" + Path.of("target", "test-pg", "fuzz-" + UUID.randomUUID()),
                        "--warden.embedded-db.working-dir=" + Path.of("target", "embedded-pg"),
                        "--warden.embedded-db.durable=false",
                        "--logging.level.org.axonframework=WARN");
        api = new ApiClient(((WebServerApplicationContext) node).getWebServer().getPort());
        db = node.getBean(JdbcClient.class);
    }

    @AfterContainer
    static void stop() {
        node.close();
    }

    @Property(tries = 300, seed = SEED)
    void infractionsAreRecordedOrRefused(@ForAll("members") String member, @ForAll("infractionBodies") String body) {
        check("POST", GUILD + "/members/" + member + "/infractions", body);
    }

    @Property(tries = 200, seed = SEED)
    void sanctionsAreDecidedOrRefused(@ForAll("members") String member, @ForAll("sanctionBodies") String body) {
        check("POST", GUILD + "/members/" + member + "/sanctions", body);
    }

    @Property(tries = 200, seed = SEED)
    void policyDocumentsAreSavedOrRefused(@ForAll("policyDocuments") String body) {
        check("PUT", GUILD + "/policy/automod", body);
    }

    @Property(tries = 200, seed = SEED)
    void sanctionRulesAreAddedOrRefused(@ForAll("ruleBodies") String body) {
        check("POST", GUILD + "/policy/rules", body);
    }

    @Property(tries = 200, seed = SEED)
    void historyQueriesAnswerOrRefuse(
            @ForAll("members") String member,
            @ForAll("shortValues") String type,
            @ForAll("shortValues") String from,
            @ForAll("shortValues") String page,
            @ForAll("shortValues") String size) {
        check(
                "GET",
                GUILD + "/members/" + member + "/infractions?type=" + enc(type) + "&from=" + enc(from) + "&page="
                        + enc(page) + "&size=" + enc(size),
                null);
    }

    @Property(tries = 200, seed = SEED)
    void evaluationsAnswerOrRefuse(@ForAll("evaluateBodies") String body) {
        check("POST", GUILD + "/automod/evaluate", body);
    }

    /** What slash-command options go through (durations, ids): a value, or a refusal that names the problem. */
    @Property(tries = 2000, seed = SEED)
    void slashCommandOptionsParseOrRefuse(@ForAll("values") String text) {
        List<java.util.function.Function<String, Object>> parsers = List.of(
                t -> warden.common.Durations.parse(t),
                t -> warden.sanctions.InfractionId.of(t),
                t -> warden.sanctions.SanctionId.of(t),
                t -> warden.sanctions.RuleId.of(t),
                t -> warden.common.UserId.of(t));
        for (java.util.function.Function<String, Object> parse : parsers) {
            try {
                assertThat(parse.apply(text)).isNotNull();
            } catch (warden.common.InvalidValueException refused) {
                assertThat(refused.code()).startsWith("error.");
            }
        }
    }

    private static void check(String method, String path, String body) {
        long before = events();
        ApiClient.Response answer = api.send(ApiTokens.ADMIN_A, method, path, body, null);
        assertThat(answer.status())
                .as(method + " " + path + " " + abbreviate(body) + " -> " + abbreviate(answer.raw()))
                .isLessThan(500);
        if (answer.status() >= 400) {
            assertThat(answer.text("code"))
                    .as("a refusal says why: " + abbreviate(answer.raw()))
                    .isNotBlank();
            assertThat(events()).as("a refusal changes nothing").isEqualTo(before);
        }
    }

    private static long events() {
        return db.sql("select count(*) from domainevententry").query(Long.class).single();
    }

    // ---------------------------------------------------------------- generators

    /** Strings from every corner: empty, blank, huge, non-ASCII digits, control characters, JSON-looking text. */
    @Provide
    Arbitrary<String> values() {
        return Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(20),
                Arbitraries.strings().all().ofMaxLength(40),
                Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(25),
                Arbitraries.of(
                        "",
                        " ",
                        "0",
                        "-1",
                        "1",
                        "9223372036854775807",
                        "9223372036854775808",
                        "١٢٣",
                        "１２３",
                        "1e3",
                        "null",
                        "true",
                        "{}",
                        "[]",
                        "'; drop table domainevententry; --",
                        "10m",
                        "PT1H",
                        "0s",
                        "28d",
                        "29d",
                        "P400D",
                        "2026-01-01T00:00:00Z",
                        "spam",
                        "SPAM",
                        "vocabulary",
                        "ban",
                        "TIMEOUT",
                        "any",
                        "💥",
                        "\u0000",
                        "\ud800"),
                Arbitraries.strings().ofLength(5000));
    }

    /** Values for the path and the query: the request line stays under the container's 8 KB limit. */
    @Provide
    Arbitrary<String> shortValues() {
        return values().filter(s -> s.length() <= 200);
    }

    @Provide
    Arbitrary<String> members() {
        return Arbitraries.oneOf(
                Arbitraries.of("222", "4242", "9223372036854775807"),
                shortValues().map(ApiFuzzTest::enc).filter(s -> !s.isEmpty()));
    }

    @Provide
    Arbitrary<String> infractionBodies() {
        return bodies(Map.of(
                "id", values(), "type", types(), "reason", values(), "channelId", values(), "messageId", values()));
    }

    @Provide
    Arbitrary<String> sanctionBodies() {
        return bodies(Map.of(
                "id",
                values(),
                "kind",
                Arbitraries.oneOf(Arbitraries.of("WARN", "TIMEOUT", "KICK", "BAN", "UNBAN"), values()),
                "duration",
                values(),
                "reason",
                values()));
    }

    @Provide
    Arbitrary<String> ruleBodies() {
        return bodies(Map.of(
                "infractionType",
                types(),
                "threshold",
                numbers(),
                "window",
                values(),
                "sanction",
                Arbitraries.oneOf(Arbitraries.of("warn", "timeout", "kick", "ban", "unban"), values()),
                "duration",
                values()));
    }

    @Provide
    Arbitrary<String> evaluateBodies() {
        return bodies(Map.of(
                "content",
                values(),
                "channelId",
                values(),
                "authorId",
                values(),
                "authorIsAdmin",
                Arbitraries.of(true, false)));
    }

    @Provide
    Arbitrary<String> policyDocuments() {
        Arbitrary<Object> setting = Arbitraries.oneOf(
                numbers(),
                Arbitraries.of(true, false),
                values().map(s -> (Object) s),
                values().list().ofMaxSize(5).map(l -> (Object) l));
        Arbitrary<Object> module = Arbitraries.maps(
                        Arbitraries.of(
                                "enabled",
                                "silent",
                                "ignoredChannels",
                                "ignoredRoles",
                                "words",
                                "allowed",
                                "maxPercent",
                                "minLength",
                                "minPercent",
                                "minCount",
                                "window",
                                "limit",
                                "domains",
                                "mode",
                                "forbidden",
                                "censor",
                                "blockMessages",
                                "removeMarkdown",
                                "allowedInvites",
                                "immuneServers"),
                        setting)
                .ofMaxSize(6)
                .map(m -> m);
        Arbitrary<String> document = Arbitraries.maps(
                        Arbitraries.of(
                                "vocabulary",
                                "invites",
                                "links",
                                "caps",
                                "emojis",
                                "pings",
                                "mentions",
                                "spam",
                                "markdown",
                                "userContent",
                                "unknown"),
                        module)
                .ofMaxSize(4)
                .map(ApiFuzzTest::json);
        return Arbitraries.oneOf(document, values());
    }

    private static Arbitrary<Object> numbers() {
        return Arbitraries.oneOf(
                Arbitraries.integers().map(i -> (Object) i),
                Arbitraries.of(0, -1, 1, 100, 101, Integer.MAX_VALUE, 1e300, 0.5));
    }

    private static Arbitrary<Object> types() {
        return Arbitraries.oneOf(
                Arbitraries.of("SPAM", "VOCABULARY", "MANUAL", "WARNING", "any", "caps"), ApiFuzzTest.valuesStatic());
    }

    private static Arbitrary<Object> valuesStatic() {
        return new ApiFuzzTest().values().map(s -> s);
    }

    /** A JSON object with some of the fields (each field's value from its generator), or malformed text. */
    private static Arbitrary<String> bodies(Map<String, ? extends Arbitrary<?>> fields) {
        List<String> names = List.copyOf(fields.keySet());
        Arbitrary<Map<String, Object>> object = Arbitraries.subsetOf(names).flatMap(chosen -> {
            List<Arbitrary<Object>> values = chosen.stream()
                    .map(name -> fields.get(name).map(v -> (Object) v))
                    .toList();
            List<String> keys = List.copyOf(chosen);
            return Combinators.combine(values).as(list -> {
                Map<String, Object> map = new HashMap<>();
                for (int i = 0; i < keys.size(); i++) map.put(keys.get(i), list.get(i));
                return map;
            });
        });
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(9, object.map(ApiFuzzTest::json)),
                net.jqwik.api.Tuple.of(
                        1,
                        Arbitraries.oneOf(
                                Arbitraries.strings().ofMaxLength(30),
                                Arbitraries.of("{", "[1,2]", "{\"id\":}", "null"))));
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String enc(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static String abbreviate(String text) {
        return text == null ? "null" : text.length() > 300 ? text.substring(0, 300) + "…" : text;
    }
}
