package warden;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import warden.fakediscord.FakeDiscord;
import warden.fakediscord.Permission;
import warden.fakediscord.World;
import warden.platform.testing.ApiClient;
import warden.platform.testing.ApiTokens;

/**
 * Two Warden JVMs on one PostgreSQL, each holding one shard of the fake Discord and running the read models; the
 * first is killed with SIGKILL while infractions and bans pour in through both. The survivor takes the read-model
 * segments over, a third node takes the dead node's shard over, and in the end the read models hold exactly what
 * the event store holds, every acknowledged infraction is there, and every ban is applied once.
 */
class NodeKilledUnderLoadTest {

    private static final Duration START = Duration.ofSeconds(120);

    @TempDir
    Path dataDir;

    private final List<Process> processes = new ArrayList<>();

    @AfterEach
    void stop() throws Exception {
        for (Process p : processes) {
            p.destroy();
            if (!p.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) p.destroyForcibly();
        }
        Path lock = dataDir.resolve("pg").resolve("postmaster.pid");
        if (Files.exists(lock)) {
            ProcessHandle.of(Long.parseLong(Files.readAllLines(lock).get(0).strip()))
                    .filter(p -> p.info().command().orElse("").endsWith("/postgres"))
                    .ifPresent(ProcessHandle::destroy);
        }
    }

    @Test
    void aNodeKilledUnderLoadLosesNothingAndAppliesNothingTwice() throws Exception {
        long[] guilds = new long[2];
        List<List<Long>> members = List.of(new ArrayList<>(), new ArrayList<>());
        try (FakeDiscord fake = new FakeDiscord()) {
            for (int shard = 0; shard < 2; shard++) {
                World.GuildSpec guild = fake.world().guildOnShard("Shard " + shard, shard, 2);
                guilds[shard] = guild.id();
                guild.channel("general");
                guild.owner(guild.member("owner-" + shard));
                guild.withWarden(Permission.MODERATION_BOT, 5);
                for (int i = 0; i < 30; i++) members.get(shard).add(guild.member("m-" + shard + "-" + i));
            }
            fake.start();

            int portA = freePort();
            Process nodeA = node(fake, "a", portA, "0", null);
            ApiClient apiA = awaitUp(portA, nodeA);
            String database = databaseUrl();
            int portB = freePort();
            Process nodeB = node(fake, "b", portB, "1", database);
            ApiClient apiB = awaitUp(portB, nodeB);

            List<String> acknowledged = Collections.synchronizedList(new ArrayList<>());
            AtomicBoolean writing = new AtomicBoolean(true);
            List<Thread> writers = new ArrayList<>();
            for (int w = 0; w < 2; w++) {
                int writer = w;
                Thread thread = new Thread(() -> {
                    for (int i = 0; writing.get(); i++) {
                        ApiClient api = i % 2 == 0 ? apiA : apiB;
                        String id = "load-" + writer + "-" + i;
                        try {
                            if (api.post(
                                                    ApiTokens.OPERATOR,
                                                    "/api/v1/guilds/" + guilds[writer] + "/members/" + (1000 + i % 50)
                                                            + "/infractions",
                                                    "{\"id\":\"" + id + "\",\"type\":\"SPAM\"}")
                                            .status()
                                    == 201) acknowledged.add(id);
                        } catch (RuntimeException nodeGone) {
                            // node A was killed mid-request: not acknowledged
                        }
                    }
                });
                thread.start();
                writers.add(thread);
            }
            List<String> bans = new ArrayList<>();
            for (int shard = 0; shard < 2; shard++) {
                for (long member : members.get(shard).subList(0, 10)) bans.add(ban(apiB, guilds[shard], member));
            }
            await().atMost(Duration.ofSeconds(60)).until(() -> acknowledged.size() >= 100);
            nodeA.destroyForcibly().waitFor(); // SIGKILL, in the middle of the load
            for (int shard = 0; shard < 2; shard++) {
                for (long member : members.get(shard).subList(10, 20)) bans.add(ban(apiB, guilds[shard], member));
            }
            int portC = freePort();
            Process nodeC = node(fake, "c", portC, "0", database); // takes shard 0 over
            awaitUp(portC, nodeC);
            await().atMost(Duration.ofSeconds(30)).until(() -> acknowledged.size() >= 300);
            writing.set(false);
            for (Thread thread : writers) thread.join();

            await().atMost(Duration.ofSeconds(120))
                    .until(() -> count(
                                    "select count(*) from domainevententry where payloadtype = 'warden.sanctions.SanctionApplied'")
                            == 40);
            await().atMost(Duration.ofSeconds(120))
                    .until(() -> count("select count(*) from audit_event")
                            == count("select count(*) from domainevententry"));
            long stored = count(
                    "select count(*) from domainevententry where payloadtype = 'warden.sanctions.InfractionRecorded'");
            long projected = count("select count(*) from infraction_state");
            long failed = count(
                    "select count(*) from domainevententry where payloadtype = 'warden.sanctions.SanctionFailed'");
            long banRequests = fake.requests().stream()
                    .filter(r -> r.is("PUT", "guilds/\\d+/bans/\\d+") && r.status() == 204)
                    .count();
            System.out.printf(
                    "[node-killed] %d infractions acknowledged, %d stored, %d projected; %d bans decided, %d applied, %d failed,"
                            + " %d ban requests to Discord%n",
                    acknowledged.size(), stored, projected, bans.size(), 40, failed, banRequests);
            assertThat(stored).isGreaterThanOrEqualTo(acknowledged.size()).isEqualTo(projected);
            assertThat(acknowledgedStored(acknowledged)).isTrue();
            assertThat(failed).isZero();
            for (int shard = 0; shard < 2; shard++) {
                for (long member : members.get(shard).subList(0, 20)) {
                    assertThat(fake.requests("PUT", "guilds/" + guilds[shard] + "/bans/" + member))
                            .filteredOn(r -> r.status() == 204)
                            .as("ban of %s", member)
                            .isNotEmpty();
                }
            }
        }
    }

    private boolean acknowledgedStored(List<String> acknowledged) throws Exception {
        try (Connection c = DriverManager.getConnection(databaseUrl(), "postgres", "");
                ResultSet rs = c.createStatement().executeQuery("select infraction_id from infraction_state")) {
            java.util.Set<String> ids = new java.util.HashSet<>();
            while (rs.next()) ids.add(rs.getString(1));
            return ids.containsAll(acknowledged);
        }
    }

    private static String ban(ApiClient api, long guild, long member) {
        ApiClient.Response answer = api.post(
                ApiTokens.OPERATOR,
                "/api/v1/guilds/" + guild + "/members/" + member + "/sanctions",
                "{\"kind\":\"BAN\",\"reason\":\"raid\"}");
        assertThat(answer.status()).as(answer.raw()).isEqualTo(201);
        return answer.text("id");
    }

    private long count(String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(databaseUrl(), "postgres", "");
                ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** The embedded PostgreSQL node A started (it outlives node A's JVM). */
    private String databaseUrl() throws IOException {
        List<String> lock = Files.readAllLines(dataDir.resolve("pg").resolve("postmaster.pid"));
        return "jdbc:postgresql://localhost:" + lock.get(3).strip() + "/postgres";
    }

    private Process node(FakeDiscord fake, String name, int port, String shard, String database) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx384m",
                "-cp",
                System.getProperty("java.class.path"),
                WardenApplication.class.getName(),
                "--server.port=" + port,
                "--spring.config.additional-location=classpath:warden-test-tokens.properties",
                "--warden.discord.token=fake-bot-token",
                "--warden.discord.api-base-url=" + fake.restBaseUrl(),
                "--warden.discord.gateway-url=" + fake.gatewayUrl(),
                "--warden.discord.shards-total=2",
                "--warden.discord.shards=" + shard,
                "--logging.level.org.axonframework=WARN"));
        if (database == null) {
            command.addAll(List.of(
                    "--warden.embedded-db.data-dir=" + dataDir,
                    "--warden.embedded-db.working-dir="
                            + Path.of("target", "embedded-pg").toAbsolutePath()));
        } else {
            command.addAll(List.of("--spring.datasource.url=" + database, "--spring.datasource.username=postgres"));
        }
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(dataDir.resolve("node-" + name + ".log").toFile())
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
