package warden.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import warden.platform.testing.ApiTokens;
import warden.platform.testing.WardenSpringTest;

/** Errors the servlet container answers by itself are problem documents too, never an HTML page. */
@WardenSpringTest
class ContainerErrorsTest {

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void anEncodedSlashInThePathIsAProblemDocument() throws Exception {
        HttpResponse<String> response = get("/api/v1/guilds/1001/members/12%2F3/infractions", "x");
        assertThat(response.statusCode()).isEqualTo(400);
        assertProblem(response);
    }

    @Test
    void anOversizedHeaderIsAProblemDocument() throws Exception {
        HttpResponse<String> response = get("/api/v1/guilds/1001/members/123/infractions", "x".repeat(20_000));
        assertThat(response.statusCode()).isBetween(400, 431);
        assertProblem(response);
    }

    private static void assertProblem(HttpResponse<String> response) {
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.body())
                .contains("\"status\":" + response.statusCode())
                .contains("\"code\":\"error.request.malformed\"")
                .doesNotContain("<html");
    }

    private HttpResponse<String> get(String rawPath, String extraHeader) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + rawPath))
                .header("Authorization", "Bearer " + ApiTokens.OPERATOR)
                .header("X-Padding", extraHeader)
                .GET()
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
