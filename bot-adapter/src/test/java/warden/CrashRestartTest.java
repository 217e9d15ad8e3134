package warden;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import warden.platform.testing.ApiClient;
import warden.platform.testing.ApiTokens;

/**
 * Warden in a JVM of its own, killed with SIGKILL after acknowledging infractions: its embedded PostgreSQL keeps
 * running on the data folder. The next start on the same folder works unaided and finds every acknowledged
 * infraction. A PostgreSQL Warden did not start is never stopped: the start refuses with one line that says what
 * to do.
 */
class CrashRestartTest {

    private static final Duration START = Duration.ofSeconds(90);
    private static final String MEMBER = "/api/v1/guilds/" + ApiTokens.GUILD_A + "/members/4242";

    @TempDir
    Path dataDir;

    private final List<Process> processes = new ArrayList<>();

    @AfterEach
    void stop() throws Exception {
        for (Process p : processes) {
            p.destroy();
            if (!p.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) p.destroyForcibly();
        }
        // a test that failed half-way may leave a PostgreSQL on the temporary folder: never leave it running
        Path lock = dataDir.resolve("pg").resolve("postmaster.pid");
        if (Files.exists(lock)) {
            ProcessHandle.of(Long.parseLong(Files.readAllLines(lock).get(0).strip()))
                    .filter(p -> p.info().command().orElse("").endsWith("/postgres"))
                    .ifPresent(ProcessHandle::destroy);
        }
    }

    @Test
    void aWardenKilledWithSigkillStartsAgainOnItsFolderAndLosesNothing() throws Exception {
        int port = freePort();
        Process first = warden(port, "first");
        ApiClient api = awaitUp(port, first);
        int acknowledged = 0;
        for (int i = 0; i < 40; i++) {
            if (api.post(ApiTokens.MOD_A, MEMBER + "/infractions", "{\"id\":\"crash-" + i + "\",\"type\":\"SPAM\"}")
                            .status()
                    == 201) acknowledged++;
        }
        assertThat(acknowledged).isEqualTo(40);
        first.destroyForcibly().waitFor();

        Path lock = dataDir.resolve("pg").resolve("postmaster.pid");
        long postmaster = Long.parseLong(Files.readAllLines(lock).get(0).strip());
        assertThat(ProcessHandle.of(postmaster).map(ProcessHandle::isAlive))
                .as("the killed Warden's PostgreSQL still runs")
                .contains(true);

        int secondPort = freePort();
        Process second = warden(secondPort, "second");
        ApiClient again = awaitUp(secondPort, second);
        assertThat(ProcessHandle.of(postmaster).map(ProcessHandle::isAlive).orElse(false))
                .as("the leftover was stopped")
                .isFalse();
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(again.get(ApiTokens.MOD_A, MEMBER + "/infractions?size=100")
                                .body()
                                .path("total")
                                .asInt())
                        .isEqualTo(40));
    }

    @Test
    void aPostgresWardenDidNotStartIsLeftAloneAndTheStartSaysWhatToDo() throws Exception {
        // a "server" on the folder that Warden did not start: a process whose command line names the folder
        Files.createDirectories(dataDir.resolve("pg"));
        Process foreign = new ProcessBuilder(
                        "sh",
                        "-c",
                        "sleep 120; true",
                        "postgres",
                        "-D",
                        dataDir.resolve("pg").toString())
                .start();
        processes.add(foreign);
        Files.writeString(
                dataDir.resolve("pg").resolve("postmaster.pid"), foreign.pid() + "\n" + dataDir.resolve("pg") + "\n");
        Process refused = warden(freePort(), "refused");
        assertThat(refused.waitFor(START.toSeconds(), java.util.concurrent.TimeUnit.SECONDS))
                .isTrue();
        String log = Files.readString(dataDir.resolve("refused.log"));
        assertThat(refused.exitValue()).isNotZero();
        assertThat(log)
                .contains("A PostgreSQL that Warden did not start (pid " + foreign.pid())
                .contains("Stop that PostgreSQL, or give Warden a folder of its own");
        assertThat(foreign.isAlive()).isTrue();
    }

    private Process warden(int port, String name) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m",
                "-cp",
                System.getProperty("java.class.path"),
                WardenApplication.class.getName(),
                "--server.port=" + port,
                "--spring.config.additional-location=classpath:warden-test-tokens.properties",
                "--warden.embedded-db.data-dir=" + dataDir,
                "--warden.embedded-db.working-dir="
                        + Path.of("target", "embedded-pg").toAbsolutePath(),
                "--warden.discord.token=",
                "--logging.level.org.axonframework=WARN"));
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(dataDir.resolve(name + ".log").toFile())
                .start();
        processes.add(process);
        return process;
    }

    private static ApiClient awaitUp(int port, Process process) {
        ApiClient api = new ApiClient(port);
        await().atMost(START).pollInterval(Duration.ofMillis(250)).until(() -> {
            if (!process.isAlive()) throw new AssertionError("Warden exited with " + process.exitValue());
            try {
                return api.get(null, "/actuator/health").status() == 200;
            } catch (RuntimeException notYet) {
                return false;
            }
        });
        return api;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
