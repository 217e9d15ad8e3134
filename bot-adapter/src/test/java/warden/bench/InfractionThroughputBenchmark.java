package warden.bench;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import warden.WardenApplication;
import warden.common.Actor;
import warden.common.MemberKey;
import warden.sanctions.Evidence;
import warden.sanctions.InfractionId;
import warden.sanctions.InfractionType;
import warden.sanctions.RecordInfraction;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

/**
 * Load harness, not a test: infractions recorded per second through Axon's command bus into the JDBC event store
 * on the embedded PostgreSQL (durable: fsync on), beside the baseline of raw JDBC inserts of equally sized rows
 * into a table of the same shape, one row per transaction, measured in the same run. Run it with the command in
 * the README ("Benchmarks"); figures go to {@code bot-adapter/target/benchmarks/}.
 */
@Tag("benchmark")
class InfractionThroughputBenchmark {

    private static final int COMMANDS = Integer.getInteger("bench.commands", 5000);
    private static final List<Integer> THREADS = List.of(1, 8);

    @TempDir
    Path dataDir;

    @Test
    void infractionsPerSecond() throws Exception {
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(WardenApplication.class).run(
                "--server.port=0", "--warden.embedded-db.data-dir=" + dataDir,
                "--warden.embedded-db.working-dir=target/embedded-pg", "--warden.discord.token=",
                "--logging.level.root=WARN")) {
            CommandGateway commands = app.getBean(CommandGateway.class);
            JdbcClient db = app.getBean(JdbcClient.class);
            db.sql("create table bench_event (like domainevententry including all)").update();
            String payload = "{\"member\":{\"guild\":\"1\",\"user\":\"2\"},\"infractionId\":\"" + UUID.randomUUID()
                    + "\",\"type\":\"SPAM\",\"source\":{\"kind\":\"AUTOMOD\",\"id\":\"spam\"},\"reason\":null,"
                    + "\"evidence\":{\"channelId\":\"3\",\"messageId\":\"4\",\"content\":\"hello hello hello\",\"spans\":[],"
                    + "\"revealedBy\":[],\"policyVersion\":1},\"occurredAt\":\"2026-01-01T00:00:00Z\"}";

            StringBuilder out = new StringBuilder("Infractions recorded per second, " + COMMANDS
                    + " per run, embedded PostgreSQL 17, fsync on, " + Runtime.getRuntime().availableProcessors() + " cores\n");
            AtomicInteger members = new AtomicInteger();
            for (int threads : THREADS) {
                run(threads, i -> { // warm-up
                    commands.sendAndWait(infraction(members.incrementAndGet(), i));
                }, COMMANDS / 5);
                double warden = run(threads, i -> commands.sendAndWait(infraction(members.incrementAndGet(), i)), COMMANDS);
                double jdbc = run(threads, i -> db.sql("""
                                insert into bench_event(aggregateidentifier, sequencenumber, type, eventidentifier, metadata,
                                                        payload, payloadrevision, payloadtype, timestamp)
                                values (?, 0, 'MemberRecord', ?, ?, ?, null, 'warden.sanctions.InfractionRecorded', ?)""")
                        .params("1:" + UUID.randomUUID(), UUID.randomUUID().toString(), "{}".getBytes(),
                                payload.getBytes(), Instant.now().toString())
                        .update(), COMMANDS);
                out.append(String.format(Locale.ROOT, "  %d thread(s): Warden %,.0f/s   raw JDBC baseline %,.0f/s   ratio %.2f%n",
                        threads, warden, jdbc, warden / jdbc));
            }
            BenchmarkReport.print("infraction-throughput", out.toString());
        }
    }

    private static RecordInfraction infraction(int member, int i) {
        return new RecordInfraction(MemberKey.of(1, 1_000_000 + member), InfractionId.of("bench-" + member + "-" + i),
                InfractionType.SPAM, Actor.automod("spam"), null,
                new Evidence("3", "4", "hello hello hello", List.of(), List.of(), 1L), Instant.now(), null);
    }

    /** Runs {@code count} operations on {@code threads} threads and returns operations per second. */
    private static double run(int threads, IntConsumer operation, int count) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        AtomicInteger next = new AtomicInteger();
        long start = System.nanoTime();
        List<Future<?>> futures = new java.util.ArrayList<>();
        for (int t = 0; t < threads; t++) {
            futures.add(pool.submit(() -> {
                for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) operation.accept(i);
            }));
        }
        for (Future<?> f : futures) f.get();
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        return count / seconds;
    }
}
