package warden.platform.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import warden.platform.EmbeddedDatabaseProperties;

/** The embedded PostgreSQL of a test stopped and started again on the same folder and port, as an operator would. */
public record EmbeddedPostgresControl(Path pgData, Path workingDir) {

    public static EmbeddedPostgresControl of(EmbeddedDatabaseProperties database) {
        return new EmbeddedPostgresControl(database.dataDir().resolve("pg"), database.effectiveWorkingDir());
    }

    public void stop() throws IOException, InterruptedException {
        run(List.of("-D", pgData.toString(), "stop", "-m", "fast", "-w", "-t", "30"));
    }

    public void start() throws IOException, InterruptedException {
        run(List.of(
                "-D",
                pgData.toString(),
                "-o",
                options(),
                "-l",
                pgData.resolveSibling("restart.log").toString(),
                "-w",
                "-t",
                "60",
                "start"));
    }

    /** The server's own options (port, settings), from the command line it recorded when it started. */
    private String options() throws IOException {
        // postmaster.opts: /path/postgres "-D" "/data" "-p" "5432" "-c" "name=value" ...
        List<String> tokens = new ArrayList<>();
        var quoted = java.util.regex.Pattern.compile("\"([^\"]*)\"")
                .matcher(Files.readString(pgData.resolve("postmaster.opts")));
        while (quoted.find()) tokens.add(quoted.group(1));
        int data = tokens.indexOf("-D");
        return String.join(" ", tokens.subList(data + 2, tokens.size()));
    }

    private void run(List<String> arguments) throws IOException, InterruptedException {
        Path pgCtl;
        try (var found = Files.find(
                workingDir,
                4,
                (path, attributes) -> path.getFileName().toString().equals("pg_ctl"))) {
            pgCtl = found.findFirst().orElseThrow();
        }
        List<String> command = new ArrayList<>(List.of("unshare", "-U", pgCtl.toString()));
        command.addAll(arguments);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor())
                .as(String.join(" ", command) + "\n" + output)
                .isZero();
    }
}
