package warden;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import warden.platform.EmbeddedDatabaseProperties;
import warden.platform.testing.WardenSpringTest;

/**
 * A second Warden on the data folder of a running one, as a newcomer starts it (another {@code run}, the
 * {@code sandbox}, the offline {@code replay}), refuses at once, says why, exits, and leaves the running one and its
 * PostgreSQL as they were.
 */
@WardenSpringTest
@DirtiesContext
class OneWardenPerFolderTest {

    @Autowired
    EmbeddedDatabaseProperties database;

    @Autowired
    JdbcClient db;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"run", "sandbox", "replay"})
    void aSecondStartOnTheFolderRefusesAndTheRunningOneStaysUp(String command) throws Exception {
        Path dataDir = database.dataDir().toAbsolutePath();
        String postmaster = Files.readAllLines(dataDir.resolve("pg").resolve("postmaster.pid"))
                .get(0);
        Path output = Files.createTempFile("second-warden", ".log");
        List<String> line = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m",
                "-cp",
                System.getProperty("java.class.path"),
                WardenApplication.class.getName(),
                command,
                "--server.port=0",
                "--warden.discord.enabled=false",
                "--warden.embedded-db.data-dir=" + dataDir,
                "--warden.embedded-db.working-dir="
                        + database.effectiveWorkingDir().toAbsolutePath()));
        Process second = new ProcessBuilder(line)
                .redirectErrorStream(true)
                .redirectOutput(output.toFile())
                .start();
        try {
            assertThat(second.waitFor(90, TimeUnit.SECONDS))
                    .as("the second Warden exits (a failed start must not hang)")
                    .isTrue();
            String said = Files.readString(output);
            assertThat(second.exitValue()).as(said).isNotZero();
            assertThat(said).contains("Another Warden is running on " + dataDir);
            if (command.equals("replay")) assertThat(said).contains("POST /api/v1/admin/replay");
        } finally {
            second.destroyForcibly();
        }
        assertThat(db.sql("select count(*) from flyway_schema_history")
                        .query(Long.class)
                        .single())
                .as("the running Warden's database still answers")
                .isPositive();
        assertThat(Files.readAllLines(dataDir.resolve("pg").resolve("postmaster.pid"))
                        .get(0))
                .as("the same PostgreSQL, never stopped")
                .isEqualTo(postmaster);
    }
}
