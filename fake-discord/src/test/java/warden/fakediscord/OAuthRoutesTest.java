package warden.fakediscord;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The fake's OAuth2 flow refuses what Discord refuses: unknown redirects, wrong secrets, a code used twice. */
class OAuthRoutesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String REDIRECT = "http://127.0.0.1:1/panel/login/oauth2/code/discord";
    private static FakeDiscord fake;
    private static long guild, moderator, member;

    @BeforeAll
    static void start() {
        fake = new FakeDiscord();
        World.GuildSpec g = fake.world().guild("OAuth");
        guild = g.id();
        moderator = g.member("mod", g.role("Mods", Permission.EVERYONE | Permission.KICK_MEMBERS, 1));
        member = g.member("someone");
        fake.start().oauthApp("app", "s3cret", REDIRECT);
    }

    @AfterAll
    static void stop() {
        fake.close();
    }

    @Test
    void aCodeBuysOneTokenForItsUserAndItsGuildsWithPermissions() throws Exception {
        String code = approve(moderator);
        assertThat(token(code, "s3cret", REDIRECT).statusCode()).isEqualTo(200);
        HttpResponse<String> again = token(code, "s3cret", REDIRECT);
        assertThat(again.statusCode()).isEqualTo(400);
        assertThat(again.body()).contains("invalid_grant");

        String access = JSON.readTree(
                        token(approve(moderator), "s3cret", REDIRECT).body())
                .path("access_token")
                .asText();
        JsonNode me = JSON.readTree(get("/api/v10/users/@me", access).body());
        assertThat(me.path("id").asText()).isEqualTo(Long.toString(moderator));
        JsonNode guilds = JSON.readTree(get("/api/v10/users/@me/guilds", access).body());
        assertThat(guilds).hasSize(1);
        assertThat(guilds.get(0).path("id").asText()).isEqualTo(Long.toString(guild));
        assertThat(Long.parseLong(guilds.get(0).path("permissions").asText()) & Permission.KICK_MEMBERS)
                .isNotZero();
        assertThat(get("/api/v10/users/@me", "not-a-token").statusCode()).isEqualTo(401);
    }

    @Test
    void wrongSecretsRedirectsAndCodesAreRefused() throws Exception {
        assertThat(token(approve(member), "wrong", REDIRECT).statusCode()).isEqualTo(401);
        assertThat(token(approve(member), "s3cret", "http://127.0.0.1:1/elsewhere")
                        .statusCode())
                .isEqualTo(400);
        assertThat(token("made-up", "s3cret", REDIRECT).statusCode()).isEqualTo(400);
        HttpResponse<String> page = HTTP.send(
                HttpRequest.newBuilder(URI.create(fake.webBaseUrl() + "/oauth2/authorize?client_id=app&redirect_uri="
                                + URLEncoder.encode("http://evil.example/cb", StandardCharsets.UTF_8)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(400);
        assertThat(page.body()).contains("Invalid OAuth2 redirect_uri");
    }

    private static String approve(long user) throws Exception {
        HttpResponse<String> answer = HTTP.send(
                HttpRequest.newBuilder(URI.create(fake.webBaseUrl() + "/oauth2/authorize/approve?client_id=app"
                                + "&redirect_uri=" + URLEncoder.encode(REDIRECT, StandardCharsets.UTF_8)
                                + "&state=xyz&scope=identify+guilds&decision=allow&user=" + user))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).isEqualTo(302);
        Matcher code = Pattern.compile("code=([0-9a-f]+)&state=xyz")
                .matcher(answer.headers().firstValue("Location").orElseThrow());
        assertThat(code.find()).isTrue();
        return code.group(1);
    }

    private static HttpResponse<String> token(String code, String secret, String redirect) throws Exception {
        String form = "grant_type=authorization_code&code=" + code + "&redirect_uri="
                + URLEncoder.encode(redirect, StandardCharsets.UTF_8);
        return HTTP.send(
                HttpRequest.newBuilder(URI.create(fake.webBaseUrl() + "/api/v10/oauth2/token"))
                        .header(
                                "Authorization",
                                "Basic "
                                        + Base64.getEncoder()
                                                .encodeToString(("app:" + secret).getBytes(StandardCharsets.UTF_8)))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> get(String path, String token) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create(fake.webBaseUrl() + path))
                        .header("Authorization", "Bearer " + token)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
