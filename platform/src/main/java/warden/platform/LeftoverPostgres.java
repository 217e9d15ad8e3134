package warden.platform;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Clears the way before the embedded PostgreSQL starts on a data folder a previous Warden used. When Warden is
 * killed (SIGKILL, a crash of the JVM), the PostgreSQL it started keeps running on the folder and a new start
 * cannot use it. From {@code postmaster.pid} this finds that server and stops it, but only when it is a PostgreSQL
 * started by Warden on that folder (its binary lies in Warden's working folder and it serves this data folder);
 * a lock file left by a server that is gone (or whose pid now belongs to another program) is removed. A server on
 * the folder that Warden did not start is never touched: the start stops with a line that says what to do.
 */
final class LeftoverPostgres {

    private static final Logger log = LoggerFactory.getLogger(LeftoverPostgres.class);
    private static final Duration FAST_SHUTDOWN = Duration.ofSeconds(60);

    /** A problem Warden cannot solve by itself; its message tells the operator what to do. */
    static final class NotOurs extends IllegalStateException {
        NotOurs(String message) {
            super(message);
        }
    }

    private LeftoverPostgres() {}

    static void clear(Path pgData, Path workingDir) throws IOException {
        Path lock = pgData.resolve("postmaster.pid");
        if (!Files.exists(lock)) return;
        List<String> lines = Files.readAllLines(lock, StandardCharsets.UTF_8);
        long pid;
        try {
            pid = Long.parseLong(lines.get(0).strip());
        } catch (RuntimeException e) {
            log.warn("Removing an unreadable PostgreSQL lock file {}", lock);
            Files.deleteIfExists(lock);
            return;
        }
        Optional<ProcessHandle> process = ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
        if (process.isEmpty() || !servesFolder(pid, pgData)) {
            log.info("Removing the lock file of a PostgreSQL that is no longer running (pid {}) on {}", pid, pgData);
            Files.deleteIfExists(lock);
            return;
        }
        String binary = process.get().info().command().orElse("");
        if (!Path.of(binary)
                .toAbsolutePath()
                .normalize()
                .startsWith(workingDir.toAbsolutePath().normalize())) {
            throw new NotOurs("A PostgreSQL that Warden did not start (pid " + pid + ", " + binary + ") is running on "
                    + pgData + ": stop it, or set warden.embedded-db.data-dir to another folder.");
        }
        log.warn("A PostgreSQL left running by a previous Warden (pid {}) holds {}: stopping it", pid, pgData);
        stop(process.get());
    }

    /** Whether the process is a postmaster for this data folder (its command line names the folder). */
    private static boolean servesFolder(long pid, Path pgData) {
        try {
            String cmdline = Files.readString(Path.of("/proc", Long.toString(pid), "cmdline"), StandardCharsets.UTF_8)
                    .replace('\0', ' ');
            return cmdline.contains("postgres")
                    && cmdline.contains(pgData.toAbsolutePath().normalize().toString());
        } catch (IOException e) {
            // no /proc (not Linux): trust the process name alone
            return ProcessHandle.of(pid)
                    .flatMap(p -> p.info().command())
                    .map(c -> c.contains("postgres"))
                    .orElse(false);
        }
    }

    /** A fast shutdown (SIGINT: clients are cut, a checkpoint is written), then SIGKILL if it does not end. */
    private static void stop(ProcessHandle postmaster) throws IOException {
        try {
            new ProcessBuilder("kill", "-INT", Long.toString(postmaster.pid()))
                    .inheritIO()
                    .start()
                    .waitFor();
            postmaster.onExit().get(FAST_SHUTDOWN.toSeconds(), java.util.concurrent.TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            log.warn(
                    "The leftover PostgreSQL (pid {}) did not stop within {}: killing it (it will recover from its log)",
                    postmaster.pid(),
                    FAST_SHUTDOWN);
            postmaster.destroyForcibly();
            postmaster.onExit().join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while stopping a leftover PostgreSQL", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IOException("could not wait for a leftover PostgreSQL to stop", e);
        }
    }
}
