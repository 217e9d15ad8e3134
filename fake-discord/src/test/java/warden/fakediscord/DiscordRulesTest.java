package warden.fakediscord;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The fake's strictness is itself tested: each row is a call real Discord refuses (or accepts), with the status and
 * JSON error code Discord answers.
 */
class DiscordRulesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static FakeDiscord fake;
    private static long guild, general, locked, member, ranked, admin, owner;

    @BeforeAll
    static void start() {
        fake = new FakeDiscord();
        World.GuildSpec g = fake.world().guild("Rules");
        guild = g.id();
        general = g.channel("general");
        locked = g.channel("locked");
        long high = g.role("Above Warden", Permission.EVERYONE, 5);
        long adminRole = g.role("Admins", Permission.ADMINISTRATOR, 1);
        owner = g.member("owner");
        g.owner(owner);
        g.withWarden(Permission.MODERATION_BOT, 3);
        member = g.member("member");
        ranked = g.member("ranked", high);
        admin = g.member("admin", adminRole);
        g.deny(locked, g.wardenRole(), Permission.MANAGE_MESSAGES | Permission.MANAGE_WEBHOOKS);
        fake.start();
    }

    @AfterAll
    static void stop() {
        fake.close();
    }

    record Call(String method, String path, String body, int status, Integer code) {}

    static Stream<Arguments> rules() {
        return Stream.of(
                row("a ban of a plain member", new Call("PUT", "guilds/%g/bans/%m", "{}", 204, null)),
                row("a ban of a member ranked above Warden", new Call("PUT", "guilds/%g/bans/%r", "{}", 403, 50013)),
                row("a ban of the owner", new Call("PUT", "guilds/%g/bans/%o", "{}", 403, 50013)),
                row(
                        "a kick of a member ranked above Warden",
                        new Call("DELETE", "guilds/%g/members/%r", null, 403, 50013)),
                row(
                        "a timeout of an administrator",
                        new Call(
                                "PATCH",
                                "guilds/%g/members/%a",
                                "{\"communication_disabled_until\":\"2099-01-01T00:00:00Z\"}",
                                403,
                                50013)),
                row(
                        "a webhook where Warden may manage webhooks",
                        new Call("POST", "channels/%c/webhooks", "{\"name\":\"Warden\"}", 200, null)),
                row(
                        "a webhook where Manage Webhooks is denied",
                        new Call("POST", "channels/%l/webhooks", "{\"name\":\"Warden\"}", 403, 50013)),
                row(
                        "a webhook named after Discord",
                        new Call("POST", "channels/%c/webhooks", "{\"name\":\"My Discord bot\"}", 400, 50035)),
                row(
                        "a webhook named Clyde",
                        new Call("POST", "channels/%c/webhooks", "{\"name\":\"CLYDE\"}", 400, 50035)),
                row(
                        "a message of 2001 characters",
                        new Call(
                                "POST",
                                "channels/%c/messages",
                                "{\"content\":\"" + "x".repeat(2001) + "\"}",
                                400,
                                50035)),
                row(
                        "an answer to an unknown interaction",
                        new Call(
                                "POST",
                                "interactions/12345678/itok-x/callback",
                                "{\"type\":4,\"data\":{\"content\":\"late\"}}",
                                404,
                                10062)),
                row(
                        "a seventh keyword AutoMod rule",
                        new Call(
                                "POST",
                                "guilds/%g/auto-moderation/rules",
                                "{\"name\":\"k7\",\"trigger_type\":1,\"event_type\":1,\"trigger_metadata\":{\"keyword_filter\":[\"x\"]},\"actions\":[]}",
                                400,
                                50035)),
                row(
                        "a second mention-spam AutoMod rule",
                        new Call(
                                "POST",
                                "guilds/%g/auto-moderation/rules",
                                "{\"name\":\"m2\",\"trigger_type\":5,\"event_type\":1,\"trigger_metadata\":{\"mention_total_limit\":5},\"actions\":[]}",
                                400,
                                50035)),
                row(
                        "application commands within Discord's limits",
                        new Call(
                                "PUT",
                                "applications/%app/commands",
                                "[{\"name\":\"warn\",\"description\":\"Warn a member\",\"description_localizations\":{\"fr\":\"Avertir\"},"
                                        + "\"options\":[{\"type\":6,\"name\":\"member\",\"description\":\"Member\"}]},"
                                        + "{\"type\":3,\"name\":\"Report message\",\"name_localizations\":{\"fr\":\"Signaler le message\"}}]",
                                200,
                                null)),
                row(
                        "a command name in capitals",
                        new Call(
                                "PUT",
                                "applications/%app/commands",
                                "[{\"name\":\"Warn\",\"description\":\"Warn a member\"}]",
                                400,
                                50035)),
                row(
                        "an option description of 101 characters in French",
                        new Call(
                                "PUT",
                                "applications/%app/commands",
                                "[{\"name\":\"warn\",\"description\":\"Warn\",\"options\":[{\"type\":6,\"name\":\"member\","
                                        + "\"description\":\"Member\",\"description_localizations\":{\"fr\":\""
                                        + "m".repeat(101) + "\"}}]}]",
                                400,
                                50035)),
                row(
                        "a keyword longer than 60 characters",
                        new Call(
                                "POST",
                                "guilds/%g/auto-moderation/rules",
                                "{\"name\":\"long\",\"trigger_type\":3,\"event_type\":1,\"trigger_metadata\":{\"keyword_filter\":[\""
                                        + "k".repeat(61) + "\"]},\"actions\":[]}",
                                400,
                                50035)));
    }

    private static Arguments row(String name, Call call) {
        return Arguments.of(Named.of(name, call));
    }

    @ParameterizedTest
    @MethodSource("rules")
    void discordAnswersAsTheRealOneDoes(Call call) throws Exception {
        if (call.path().contains("auto-moderation")) fillAutoModRules();
        HttpResponse<String> response = send(call.method(), call.path(), call.body());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(call.status());
        if (call.code() != null)
            assertThat(JSON.readTree(response.body()).path("code").asInt()).isEqualTo(call.code());
    }

    @ParameterizedTest
    @MethodSource("webhookRules")
    void aWebhookOnlyTouchesItsOwnMessages(String what, int status) throws Exception {
        JsonNode first = JSON.readTree(
                send("POST", "channels/%c/webhooks", "{\"name\":\"first\"}").body());
        JsonNode second = JSON.readTree(
                send("POST", "channels/%c/webhooks", "{\"name\":\"second\"}").body());
        String firstPath = "webhooks/" + first.path("id").asText() + "/"
                + first.path("token").asText();
        String secondPath = "webhooks/" + second.path("id").asText() + "/"
                + second.path("token").asText();
        JsonNode posted = JSON.readTree(
                send("POST", firstPath + "?wait=true", "{\"content\":\"hi\",\"username\":\"Ann · Server\"}")
                        .body());
        String message = "/messages/" + posted.path("id").asText();
        HttpResponse<String> response = switch (what) {
            case "own edit" -> send("PATCH", firstPath + message, "{\"content\":\"edited\"}");
            case "other edit" -> send("PATCH", secondPath + message, "{\"content\":\"edited\"}");
            case "other delete" -> send("DELETE", secondPath + message, null);
            default -> send("POST", firstPath, "{\"content\":\"x\",\"username\":\"discord mod\"}");
        };
        assertThat(response.statusCode()).as(what + ": " + response.body()).isEqualTo(status);
    }

    static Stream<Arguments> webhookRules() {
        return Stream.of(
                Arguments.of("own edit", 200),
                Arguments.of("other edit", 404),
                Arguments.of("other delete", 404),
                Arguments.of("username with discord", 400));
    }

    @org.junit.jupiter.api.Test
    void aChannelOverwriteDeniesWhatTheRoleAllows() {
        World.GuildSpec g = fake.world().guild(guild);
        DiscordRules rules = new DiscordRules(fake.world());
        assertThat(rules.permissions(g, FakeDiscord.BOT_ID, g.channels.get(general)) & Permission.MANAGE_MESSAGES)
                .isNotZero();
        assertThat(rules.permissions(g, FakeDiscord.BOT_ID, g.channels.get(locked)) & Permission.MANAGE_MESSAGES)
                .isZero();
        assertThat(rules.permissions(g, admin, g.channels.get(locked)) & Permission.MANAGE_MESSAGES)
                .as("administrators ignore overwrites")
                .isNotZero();
    }

    /** A gateway client as small as the rules need: identify or resume, then read what the fake sends. */
    private static final class Client extends org.java_websocket.client.WebSocketClient {
        final java.util.concurrent.BlockingQueue<JsonNode> received = new java.util.concurrent.LinkedBlockingQueue<>();
        volatile int closeCode;

        Client() throws Exception {
            super(URI.create(fake.gatewayUrl()));
            connectBlocking(5, java.util.concurrent.TimeUnit.SECONDS);
        }

        @Override
        public void onOpen(org.java_websocket.handshake.ServerHandshake handshake) {}

        @Override
        public void onMessage(String message) {
            try {
                received.add(JSON.readTree(message));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public void onClose(int code, String reason, boolean remote) {
            closeCode = code;
        }

        @Override
        public void onError(Exception e) {}

        JsonNode next(String what) throws InterruptedException {
            while (true) {
                JsonNode payload = received.poll(5, java.util.concurrent.TimeUnit.SECONDS);
                assertThat(payload).as("waiting for " + what).isNotNull();
                if (what.equals(payload.path("t").asText())
                        || what.equals("op" + payload.path("op").asInt())) return payload;
            }
        }

        void identify(int intents) {
            send("{\"op\":2,\"d\":{\"token\":\"fake\",\"intents\":" + intents + ",\"properties\":{}}}");
        }
    }

    @org.junit.jupiter.api.Test
    void aPrivilegedIntentTheApplicationIsNotGrantedClosesTheGatewayWith4014() throws Exception {
        fake.grantPrivilegedIntents(FakeDiscord.GUILD_MEMBERS);
        try {
            Client client = new Client();
            client.identify(FakeDiscord.GUILD_MESSAGES | FakeDiscord.MESSAGE_CONTENT);
            org.awaitility.Awaitility.await()
                    .atMost(java.time.Duration.ofSeconds(5))
                    .until(() -> client.closeCode == 4014);
        } finally {
            fake.grantPrivilegedIntents(-1);
        }
    }

    @org.junit.jupiter.api.Test
    void withoutTheMessageContentIntentAGuildMessageArrivesBlankAndWithoutPresencesOnlyTheBotIsListed()
            throws Exception {
        Client client = new Client();
        client.identify(FakeDiscord.GUILD_MESSAGES);
        JsonNode guildCreate = client.next("GUILD_CREATE");
        assertThat(guildCreate.path("d").path("members")).hasSize(1);
        assertThat(guildCreate
                        .path("d")
                        .path("members")
                        .get(0)
                        .path("user")
                        .path("id")
                        .asText())
                .isEqualTo(Long.toString(FakeDiscord.BOT_ID));
        fake.postMessage(guild, general, member, "a secret");
        assertThat(client.next("MESSAGE_CREATE").path("d").path("content").asText())
                .isEmpty();
        client.closeBlocking();
    }

    @org.junit.jupiter.api.Test
    void aResumeOfAnUnknownSessionIsAnInvalidSession() throws Exception {
        Client client = new Client();
        client.send("{\"op\":6,\"d\":{\"token\":\"fake\",\"session_id\":\"no-such-session\",\"seq\":3}}");
        JsonNode invalid = client.next("op9");
        assertThat(invalid.path("d").asBoolean()).as("not resumable").isFalse();
        client.closeBlocking();
    }

    /** Six keyword rules and one mention-spam rule: the caps the rows above go past. */
    private static synchronized void fillAutoModRules() throws Exception {
        if (fake.autoModRules().size() >= 7) return;
        for (int i = 0; i < 6; i++) {
            send(
                    "POST",
                    "guilds/%g/auto-moderation/rules",
                    "{\"name\":\"k" + i + "\",\"trigger_type\":1,\"event_type\":1,"
                            + "\"trigger_metadata\":{\"keyword_filter\":[\"w" + i + "\"]},\"actions\":[]}");
        }
        send(
                "POST",
                "guilds/%g/auto-moderation/rules",
                "{\"name\":\"m\",\"trigger_type\":5,\"event_type\":1,"
                        + "\"trigger_metadata\":{\"mention_total_limit\":5},\"actions\":[]}");
        assertThat(fake.autoModRules()).hasSize(7);
    }

    private static HttpResponse<String> send(String method, String path, String body) throws Exception {
        String resolved = path.replace("%app", Long.toString(FakeDiscord.APPLICATION_ID))
                .replace("%g", Long.toString(guild))
                .replace("%c", Long.toString(general))
                .replace("%l", Long.toString(locked))
                .replace("%m", Long.toString(member))
                .replace("%r", Long.toString(ranked))
                .replace("%o", Long.toString(owner))
                .replace("%a", Long.toString(admin));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(fake.restBaseUrl() + resolved))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bot fake");
        request.method(
                method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
