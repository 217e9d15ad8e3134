package warden.automod;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The backtest command over a DiscordChatExporter file: flagged lines, a summary, and located errors. */
class BacktestCommandTest {

    @TempDir
    Path dir;

    private static final String POLICY = """
            {"vocabulary": {"enabled": true, "words": ["chat*"], "censor": true},
             "spam": {"enabled": true, "window": "PT5S", "limit": 2},
             "invites": {"enabled": true}}""";

    private static final String EXPORT = """
            {"guild": {"id": "1001", "name": "Test"},
             "channel": {"id": "10", "name": "general"},
             "messages": [
               {"id": "1", "timestamp": "2026-03-01T10:00:00+00:00", "content": "hello there",
                "author": {"id": "500", "name": "a", "isBot": false, "roles": []}, "mentions": []},
               {"id": "2", "timestamp": "2026-03-01T10:00:01+00:00", "content": "les c h a t s",
                "author": {"id": "500", "name": "a", "isBot": false, "roles": [{"id": "7"}]}, "mentions": []},
               {"id": "3", "timestamp": "2026-03-01T10:00:02+00:00", "content": "join discord . gg / abc",
                "author": {"id": "500", "name": "a", "isBot": false, "roles": []}, "mentions": []},
               {"id": "4", "timestamp": "2026-03-01T10:00:02+00:00", "content": "chat from a bot",
                "author": {"id": "600", "name": "bot", "isBot": true, "roles": []}, "mentions": []}
             ]}""";

    record Run(int exit, List<String> out, String err) {}

    private Run run(String policy, String export) throws IOException {
        Path p = Files.writeString(dir.resolve("policy.json"), policy);
        Path e = Files.writeString(dir.resolve("chat.json"), export);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = BacktestCommand.run(
                new String[] {"--policy", p.toString(), "--export", e.toString()},
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(
                exit, out.toString(StandardCharsets.UTF_8).lines().toList(), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void flaggedMessagesAndASummary() throws IOException {
        Run run = run(POLICY, EXPORT);
        assertThat(run.exit()).isZero();
        ObjectMapper json = new ObjectMapper();
        List<JsonNode> lines = run.out().stream()
                .map(l -> {
                    try {
                        return json.readTree(l);
                    } catch (IOException ex) {
                        throw new IllegalStateException(ex);
                    }
                })
                .toList();
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0).path("messageId").asText()).isEqualTo("2");
        assertThat(lines.get(0).path("modules").toString()).contains("vocabulary");
        assertThat(lines.get(0).path("censoredText").asText())
                .isEqualTo("les ███████ s"); // the match is the "chat" of "c h a t s"
        assertThat(lines.get(1).path("messageId").asText()).isEqualTo("3");
        assertThat(lines.get(1).path("modules").toString()).contains("invites").contains("spam");
        JsonNode summary = lines.get(2);
        assertThat(summary.path("messagesScanned").asLong()).isEqualTo(4);
        assertThat(summary.path("messagesFlagged").asLong()).isEqualTo(2);
        assertThat(summary.path("flaggedPerModule").path("vocabulary").asLong()).isEqualTo(1);
        assertThat(summary.path("messagesPerSecond").asLong()).isPositive();
    }

    @Test
    void theEverydayWordsAListMatchesAreCountedApart() throws IOException {
        String policy = "{\"vocabulary\": {\"enabled\": true, \"words\": [\"hell\", \"chat*\"]}}";
        String export = """
                {"guild": {"id": "1001", "name": "Test"}, "channel": {"id": "10", "name": "general"}, "messages": [
                  {"id": "1", "timestamp": "2026-03-01T10:00:00+00:00", "content": "hell yes", "author": {"id": "500"}},
                  {"id": "2", "timestamp": "2026-03-01T10:00:01+00:00", "content": "what the HELL", "author": {"id": "501"}},
                  {"id": "3", "timestamp": "2026-03-01T10:00:02+00:00", "content": "new chats here", "author": {"id": "502"}},
                  {"id": "4", "timestamp": "2026-03-01T10:00:03+00:00", "content": "h e l l", "author": {"id": "503"}},
                  {"id": "5", "timestamp": "2026-03-01T10:00:04+00:00", "content": "hello world", "author": {"id": "504"}}
                ]}""";
        Run run = run(policy, export);
        assertThat(run.exit()).isZero();
        ObjectMapper json = new ObjectMapper();
        JsonNode first = json.readTree(run.out().get(0));
        assertThat(first.path("spans").get(0).path("ordinaryWord").asText()).isEqualTo("hell");
        JsonNode spaced = json.readTree(run.out().get(3));
        assertThat(spaced.path("messageId").asText()).isEqualTo("4");
        assertThat(spaced.path("spans").get(0).has("ordinaryWord")).isFalse(); // an evasion, not an everyday word
        assertThat(spaced.path("spans").get(0).path("revealedBy").toString()).isEqualTo("[\"separators\"]");
        JsonNode summary = json.readTree(run.out().get(run.out().size() - 1));
        assertThat(summary.path("messagesFlagged").asLong()).isEqualTo(4);
        assertThat(summary.path("ordinaryWords").path("messages").asLong()).isEqualTo(3);
        assertThat(summary.path("ordinaryWords").path("words").toString()).isEqualTo("{\"hell\":2,\"chats\":1}");
    }

    @Test
    void aBrokenExportSaysWhere() throws IOException {
        Run run = run(
                POLICY, "{\"guild\": {\"id\": \"1\"}, \"channel\": {\"id\": \"2\"}, \"messages\": [\n {\"id\": \"1\",");
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).contains("chat.json:2:").contains("not valid JSON");
    }

    @Test
    void aMessageWithoutTimestampSaysWhere() throws IOException {
        Run run = run(
                POLICY,
                "{\"guild\": {\"id\": \"1\"}, \"channel\": {\"id\": \"2\"}, \"messages\": [\n"
                        + "{\"id\": \"1\", \"content\": \"x\", \"author\": {\"id\": \"3\"}}]}");
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).contains("chat.json:2:").contains("\"timestamp\"");
    }

    @Test
    void anInvalidPolicySaysWhatAndWhere() throws IOException {
        Run run = run("{\n \"caps\": {\"enabled\": true, \"maxPercent\": 150}\n}", EXPORT);
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).contains("policy.json:2:").contains("\"maxPercent\" must be between 1 and 100 (was 150)");
    }

    @Test
    void missingArgumentsPrintTheUsage() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = BacktestCommand.run(
                new String[] {"--policy"}, System.out, new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(exit).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("usage:");
    }
}
