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
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The backtest as an admin's tool: every kind of export, a whole server at once, two policies, the rules, the reports. */
class BacktestToolTest {

    @TempDir
    Path dir;

    static final String POLICY = """
            {"vocabulary": {"enabled": true, "words": ["idiot", "chat*"]},
             "invites": {"enabled": true},
             "spam": {"enabled": true, "window": "PT10S", "limit": 3}}""";

    static final String STRICTER = """
            {"vocabulary": {"enabled": true, "words": ["idiot", "chat*", "stupid"]},
             "invites": {"enabled": true},
             "spam": {"enabled": true, "window": "PT10S", "limit": 3}}""";

    static String message(String id, String time, String author, String content) {
        return """
                {"id": "%s", "type": "Default", "timestamp": "2026-03-01T10:%s+00:00", "content": "%s",
                 "author": {"id": "%s", "name": "m%s", "nickname": "m", "isBot": false, "roles": []}, "mentions": []}""".formatted(id, time, content, author, author);
    }

    static String export(String guild, String channel, String channelType, String... messages) {
        return """
                {"guild": {"id": "%s", "name": "G"}, "channel": {"id": "%s", "type": "%s", "name": "ch%s"},
                 "messages": [%s]}""".formatted(guild, channel, channelType, channel, String.join(",", messages));
    }

    record Run(int exit, List<JsonNode> out, String err) {
        JsonNode summary() {
            return out.get(out.size() - 1);
        }
    }

    private Run run(String... args) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = BacktestCommand.run(
                args,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        ObjectMapper json = new ObjectMapper();
        List<JsonNode> lines = new ArrayList<>();
        for (String line : out.toString(StandardCharsets.UTF_8).lines().toList()) lines.add(json.readTree(line));
        return new Run(exit, lines, err.toString(StandardCharsets.UTF_8));
    }

    private Path file(String name, String content) throws IOException {
        Path p = dir.resolve(name);
        Files.createDirectories(p.getParent());
        return Files.writeString(p, content);
    }

    @Test
    void directAndGroupConversationsThreadsOldFormatsSystemMessagesAndDuplicates() throws IOException {
        Path policy = file("policy.json", POLICY);
        Path dm = file("dm.json", export("0", "77", "DirectTextChat", message("1", "00:00", "5", "you idiot")));
        Path group =
                file("group.json", export("0", "78", "DirectGroupTextChat", message("2", "00:00", "6", "hello all")));
        Path thread = file(
                "thread.json",
                export(
                        "1001",
                        "79",
                        "GuildPublicThread",
                        message("3", "00:00", "7", "chats everywhere"),
                        message("3", "00:00", "7", "chats everywhere"),
                        "{\"id\": \"4\", \"type\": \"ChannelPinnedMessage\", \"timestamp\": \"2026-03-01T10:00:01+00:00\", \"content\": \"\","
                                + " \"author\": {\"id\": \"7\"}}"));
        Path old = file(
                "old.json",
                "{\"guild\": {\"id\": \"1001\"}, \"channel\": {\"id\": \"80\"}, \"messages\": ["
                        + "{\"id\": \"5\", \"timestamp\": \"2026-03-01T10:00:00+00:00\", \"content\": \"an idiot\", \"author\": {\"id\": \"8\"}}]}");
        Run run = run(
                "--policy",
                policy.toString(),
                "--export",
                dm.toString(),
                group.toString(),
                thread.toString(),
                old.toString());
        assertThat(run.exit()).as(run.err()).isZero();
        JsonNode summary = run.summary();
        assertThat(summary.path("messagesScanned").asLong()).isEqualTo(4);
        assertThat(summary.path("messagesFlagged").asLong()).isEqualTo(3);
        assertThat(summary.path("duplicatesSkipped").asLong()).isEqualTo(1);
        assertThat(summary.path("systemMessagesSkipped").asLong()).isEqualTo(1);
        assertThat(summary.path("exportsWithoutGuild").asInt()).isEqualTo(2);
        assertThat(summary.path("note").asText()).contains("do not apply");
        assertThat(run.err()).doesNotContain("Exception").doesNotContain("error.");
    }

    @Test
    void badFilesAreOneLineWithWhereAndANonZeroExit() throws IOException {
        Path policy = file("policy.json", POLICY);
        Path bad = file(
                "bad.json",
                "{\"guild\": {\"id\": \"1001\"}, \"channel\": {\"id\": \"1\"}, \"messages\": [\n"
                        + "{\"id\": \"1\", \"timestamp\": \"2026-03-01T10:00:00+00:00\", \"content\": \"x\", \"author\": {\"id\": \"0\"}}]}");
        Run run = run("--policy", policy.toString(), "--export", bad.toString());
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err().lines().toList()).hasSize(1);
        assertThat(run.err()).contains("bad.json:2:").contains("author.id");
        Run missing = run(
                "--policy",
                policy.toString(),
                "--export",
                dir.resolve("nowhere").toString());
        assertThat(missing.exit()).isEqualTo(1);
        assertThat(missing.err()).contains("nowhere: no such file");
    }

    @Test
    void aWholeServerFolderInParallelWithProgressAndEachChannelsOwnTimeline() throws IOException {
        Path policy = file("policy.json", POLICY);
        // the same member posts twice in each of three channels at the same seconds: spam (more than 3 in 10 s) would
        // fire
        // if the channels shared one timeline
        for (int c = 1; c <= 3; c++) {
            file(
                    "server/channel" + c + ".json",
                    export(
                            "1001",
                            "9" + c,
                            "GuildTextChat",
                            message(c + "01", "00:00", "5", "hello"),
                            message(c + "02", "00:01", "5", "again")));
        }
        Run run = run(
                "--policy", policy.toString(), "--export", dir.resolve("server").toString());
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.summary().path("files").asInt()).isEqualTo(3);
        assertThat(run.summary().path("messagesScanned").asLong()).isEqualTo(6);
        assertThat(run.summary().path("messagesFlagged").asLong()).isZero();
        assertThat(run.err()).contains("progress: 3/3 files, 6 messages");
    }

    @Test
    void twoPoliciesComparedWithExactCounts() throws IOException {
        Path a = file("a.json", POLICY);
        Path b = file("b.json", STRICTER);
        Path chat = file(
                "chat.json",
                export(
                        "1001",
                        "10",
                        "GuildTextChat",
                        message("1", "00:00", "5", "you idiot"),
                        message("2", "00:10", "5", "that was stupid"),
                        message("3", "00:20", "6", "so stupid and idiot"),
                        message("4", "00:30", "6", "nice weather")));
        Run run = run("--policy", a.toString(), "--compare", b.toString(), "--export", chat.toString());
        JsonNode c = run.summary().path("comparison");
        assertThat(c.path("onlyA").asLong()).isZero();
        assertThat(c.path("onlyB").asLong()).isEqualTo(1);
        assertThat(c.path("both").asLong()).isEqualTo(2);
        assertThat(c.path("perModule").path("vocabulary").path("both").asLong()).isEqualTo(2);
        assertThat(c.path("perModule").path("vocabulary").path("onlyB").asLong())
                .isEqualTo(1);
        assertThat(c.path("examplesOnlyB").get(0).path("messageId").asText()).isEqualTo("2");
        assertThat(run.summary().path("messagesFlagged").asLong())
                .as("policy A's own count")
                .isEqualTo(2);
    }

    @Test
    void theRulesDecideSanctionsInTimeOrderAcrossChannels() throws IOException {
        Path policy = file("policy.json", """
                {"automod": %s,
                 "rules": [{"id": "two-words", "countedType": "VOCABULARY", "threshold": 2, "window": "PT10M",
                            "sanction": {"kind": "TIMEOUT", "duration": "PT1H"}, "enabled": true}]}""".formatted(POLICY));
        Path one = file(
                "one.json",
                export(
                        "1001",
                        "11",
                        "GuildTextChat",
                        message("1", "00:00", "5", "idiot"),
                        message("3", "20:00", "5", "idiot")));
        Path two = file(
                "two.json",
                export(
                        "1001",
                        "12",
                        "GuildTextChat",
                        message("2", "01:00", "5", "chat again"),
                        message("4", "30:00", "6", "idiot")));
        Run run = run("--policy", policy.toString(), "--rules", "--export", one.toString(), two.toString());
        assertThat(run.exit()).as(run.err()).isZero();
        JsonNode sanctions = run.summary().path("sanctions");
        assertThat(sanctions).hasSize(1);
        assertThat(sanctions.get(0).path("member").asText()).isEqualTo("5");
        assertThat(sanctions.get(0).path("messageId").asText()).isEqualTo("2");
        assertThat(sanctions.get(0).path("sanction").asText()).isEqualTo("timeout");
        assertThat(sanctions.get(0).path("duration").asText()).isEqualTo("1h");
    }

    /**
     * The page as an admin sees it: opened in headless Chromium (installed by {@code .ci/run}; skipped where it is not),
     * the rendered DOM checked and a screenshot kept in {@code target/backtest-report.png}.
     */
    @Test
    void theHtmlReportRendersInABrowser() throws Exception {
        Path chromium = Path.of("/usr/bin/chromium");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isExecutable(chromium), "Chromium is not installed");
        Path policy = file("policy.json", POLICY);
        Path chat = file(
                "chat.json",
                export(
                        "1001",
                        "10",
                        "GuildTextChat",
                        message("1", "00:00", "5", "you idiot"),
                        message("2", "05:00", "6", "join discord.gg/abcdef"),
                        message("3", "59:00", "7", "such a chatterbox")));
        Path html = dir.resolve("report.html");
        assertThat(run("--policy", policy.toString(), "--export", chat.toString(), "--report", html.toString())
                        .exit())
                .isZero();
        Path screenshot = Path.of("target", "backtest-report.png").toAbsolutePath();
        Files.deleteIfExists(screenshot);
        List<String> flags = List.of(
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--user-data-dir=" + Files.createTempDirectory(dir, "chromium"));
        List<String> shoot = new ArrayList<>(List.of(chromium.toString()));
        shoot.addAll(flags);
        shoot.addAll(List.of(
                "--window-size=1280,1600",
                "--screenshot=" + screenshot,
                html.toUri().toString()));
        Process p = new ProcessBuilder(shoot).redirectErrorStream(true).start();
        p.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
        assertThat(p.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        assertThat(Files.size(screenshot)).isGreaterThan(5_000);
        try (var in = Files.newInputStream(screenshot)) {
            byte[] header = in.readNBytes(24);
            assertThat(new String(header, 1, 3, StandardCharsets.US_ASCII)).isEqualTo("PNG");
            int width = java.nio.ByteBuffer.wrap(header, 16, 4).getInt();
            assertThat(width).isEqualTo(1280);
        }
        List<String> dump = new ArrayList<>(List.of(chromium.toString()));
        dump.addAll(flags);
        dump.addAll(List.of("--dump-dom", html.toUri().toString()));
        Process d = new ProcessBuilder(dump)
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        String dom = new String(d.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(d.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        assertThat(dom)
                .contains("<strong>3</strong> flagged")
                .contains("<mark>idiot</mark>")
                .contains("<rect");
    }

    @Test
    void anHtmlPageAndACsvFileForSpreadsheets() throws IOException {
        Path policy = file("policy.json", POLICY);
        Path chat = file(
                "chat.json",
                export(
                        "1001",
                        "10",
                        "GuildTextChat",
                        message("1", "00:00", "5", "you idiot <script>"),
                        message("2", "00:10", "6", "=HYPERLINK(chat)")));
        Path html = dir.resolve("report.html");
        assertThat(run("--policy", policy.toString(), "--export", chat.toString(), "--report", html.toString())
                        .exit())
                .isZero();
        String page = Files.readString(html);
        assertThat(page)
                .startsWith("<!DOCTYPE html>")
                .contains("id=\"per-module\"")
                .contains("<svg id=\"chart\"")
                .contains("you <mark>idiot</mark> &lt;script&gt;")
                .doesNotContain("<script>")
                .doesNotContain("http://")
                .doesNotContain("https://");
        Path csv = dir.resolve("report.csv");
        assertThat(run("--policy", policy.toString(), "--export", chat.toString(), "--report", csv.toString())
                        .exit())
                .isZero();
        List<String> rows = Files.readAllLines(csv);
        assertThat(rows).hasSize(3);
        assertThat(rows.get(0)).startsWith("message_id,time");
        assertThat(rows.get(2)).contains("\"'=HYPERLINK(chat)\"");
    }
}
