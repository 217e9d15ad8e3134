package warden.bench;

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
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import warden.WardenApplication;
import warden.common.Actor;
import warden.common.MemberKey;
import warden.platform.OrderedCommands;
import warden.sanctions.Evidence;
import warden.sanctions.InfractionId;
import warden.sanctions.InfractionRecorded;
import warden.sanctions.InfractionType;
import warden.sanctions.RecordInfraction;

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
    private static final int MEMBERS = 2_000;

    @TempDir
    Path dataDir;

    @Test
    void infractionsPerSecond() throws Exception {
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(WardenApplication.class)
                .run(
                        "--server.port=0",
                        "--warden.embedded-db.data-dir=" + dataDir,
                        "--warden.embedded-db.working-dir=target/embedded-pg",
                        "--warden.discord.token=",
                        "--logging.level.root=WARN")) {
            CommandGateway commands = app.getBean(CommandGateway.class);
            JdbcClient db = app.getBean(JdbcClient.class);
            db.sql("create table bench_event (like domainevententry including all)")
                    .update();
            // a sequence of its own: taking numbers from the event table's would leave gaps in its global index, which
            // every tracking token then carries (and copies) until they time out, slowing Warden's processors down
            db.sql("create sequence bench_event_seq").update();
            db.sql("alter table bench_event alter column globalindex set default nextval('bench_event_seq')")
                    .update();
            String payload = "{\"member\":{\"guild\":\"1\",\"user\":\"2\"},\"infractionId\":\"" + UUID.randomUUID()
                    + "\",\"type\":\"SPAM\",\"source\":{\"kind\":\"AUTOMOD\",\"id\":\"spam\"},\"reason\":null,"
                    + "\"evidence\":{\"channelId\":\"3\",\"messageId\":\"4\",\"content\":\"hello hello hello\",\"spans\":[],"
                    + "\"revealedBy\":[],\"policyVersion\":1},\"occurredAt\":\"2026-01-01T00:00:00Z\"}";

            // members with history: 2,000 members with 30 past infractions each, written as they would have been
            EventStore store = app.getBean(EventStore.class);
            TransactionManager transactions = app.getBean(TransactionManager.class);
            for (int m = 0; m < MEMBERS; m++) {
                int member = m;
                transactions.executeInTransaction(() -> {
                    List<GenericDomainEventMessage<?>> past = new java.util.ArrayList<>();
                    for (int e = 0; e < 30; e++) {
                        past.add(new GenericDomainEventMessage<>(
                                "MemberRecord",
                                MemberKey.of(1, 1_000_000 + member).toString(),
                                e,
                                new InfractionRecorded(
                                        MemberKey.of(1, 1_000_000 + member),
                                        InfractionId.of("past-" + e),
                                        InfractionType.SPAM,
                                        Actor.automod("spam"),
                                        null,
                                        Evidence.none(),
                                        Instant.now().minus(java.time.Duration.ofMinutes(30 - e)))));
                    }
                    store.publish(past);
                });
            }
            StringBuilder out =
                    new StringBuilder("Infractions recorded per second, " + COMMANDS + " per run, on " + MEMBERS
                            + " members with 30 past infractions each (each loaded once by the warm-up), embedded PostgreSQL 17, fsync on, "
                            + Runtime.getRuntime().availableProcessors() + " cores\n");
            java.util.Random random = new java.util.Random(7);
            AtomicInteger sequence = new AtomicInteger();
            OrderedCommands ordered = app.getBean(OrderedCommands.class);
            int batch = app.getEnvironment().getProperty("warden.commands.batch", Integer.class, 100);
            IntConsumer rawInsert = i -> db.sql("""
                            insert into bench_event(aggregateidentifier, sequencenumber, type, eventidentifier, metadata,
                                                    payload, payloadrevision, payloadtype, timestamp)
                            values (?, 0, 'MemberRecord', ?, ?, ?, null, 'warden.sanctions.InfractionRecorded', ?)""")
                    .params(
                            "1:" + UUID.randomUUID(),
                            UUID.randomUUID().toString(),
                            "{}".getBytes(),
                            payload.getBytes(),
                            Instant.now().toString())
                    .update();
            // the same rows, 100 per transaction and one JDBC batch: what the ordered writers' batches are compared
            // with
            org.springframework.jdbc.core.JdbcTemplate jdbcTemplate =
                    app.getBean(org.springframework.jdbc.core.JdbcTemplate.class);
            org.springframework.transaction.support.TransactionTemplate inTransaction =
                    new org.springframework.transaction.support.TransactionTemplate(
                            app.getBean(org.springframework.transaction.PlatformTransactionManager.class));
            ThreadLocal<List<Object[]>> rows = ThreadLocal.withInitial(java.util.ArrayList::new);
            Runnable flushRows = () -> {
                List<Object[]> mine = rows.get();
                if (mine.isEmpty()) return;
                inTransaction.executeWithoutResult(t -> jdbcTemplate.batchUpdate("""
                        insert into bench_event(aggregateidentifier, sequencenumber, type, eventidentifier, metadata,
                                                payload, payloadrevision, payloadtype, timestamp)
                        values (?, 0, 'MemberRecord', ?, ?, ?, null, 'warden.sanctions.InfractionRecorded', ?)""", mine));
                mine.clear();
            };
            IntConsumer rawBatched = i -> {
                rows.get().add(new Object[] {
                    "1:" + UUID.randomUUID(),
                    UUID.randomUUID().toString(),
                    "{}".getBytes(),
                    payload.getBytes(),
                    Instant.now().toString()
                });
                if (rows.get().size() == 100) flushRows.run();
            };
            IntConsumer sync =
                    i -> commands.sendAndWait(infraction(random.nextInt(MEMBERS), sequence.incrementAndGet()));
            // the REST API's path: senders waiting at the same time share one transaction and one commit
            warden.platform.GroupCommitCommands groupCommit = app.getBean(warden.platform.GroupCommitCommands.class);
            IntConsumer rest = i -> groupCommit.sendAndWait(
                    infraction(random.nextInt(MEMBERS), sequence.incrementAndGet()),
                    30,
                    java.util.concurrent.TimeUnit.SECONDS);
            // warm-up: every member's history loaded once (so that neither path measured below pays for it alone), and
            // the code compiled
            run(8, i -> commands.sendAndWait(infraction(i % MEMBERS, sequence.incrementAndGet())), MEMBERS * 2);
            // each figure is measured once the read models have caught up, so that none pays for the others' backlog
            Runnable quiet = () -> org.awaitility.Awaitility.await()
                    .atMost(java.time.Duration.ofMinutes(5))
                    .until(() -> db.sql("select count(*) from audit_event")
                            .query(Long.class)
                            .single()
                            .equals(db.sql("select count(*) from domainevententry")
                                    .query(Long.class)
                                    .single()));
            for (int threads : THREADS) {
                quiet.run();
                double jdbc = run(threads, rawInsert, COMMANDS);
                quiet.run();
                double jdbcBatched = run(threads, rawBatched, COMMANDS, flushRows);
                quiet.run();
                double alone = run(threads, sync, COMMANDS);
                quiet.run();
                double waiting = run(threads, rest, COMMANDS);
                quiet.run();
                // the path automod takes: the sender hands over and goes on; writers keep each member's order
                double handedOver = run(
                        threads,
                        new IntConsumer() {
                            final List<java.util.concurrent.CompletableFuture<Object>> sent =
                                    java.util.Collections.synchronizedList(new java.util.ArrayList<>());

                            @Override
                            public void accept(int i) {
                                RecordInfraction command =
                                        infraction(random.nextInt(MEMBERS), sequence.incrementAndGet());
                                sent.add(ordered.send(command.member(), command));
                                if (i == COMMANDS - 1 || sent.size() >= 2_000) drain();
                            }

                            private void drain() {
                                List<java.util.concurrent.CompletableFuture<Object>> all;
                                synchronized (sent) {
                                    all = List.copyOf(sent);
                                    sent.clear();
                                }
                                all.forEach(java.util.concurrent.CompletableFuture::join);
                            }
                        },
                        COMMANDS);
                out.append(String.format(
                        Locale.ROOT,
                        "  %d sender thread(s): raw JDBC, a transaction per row %,.0f/s, 100 rows per "
                                + "transaction %,.0f/s%n    Warden, senders waiting for each command (the REST path, group commit) %,.0f/s "
                                + "(ratio %.2f to a row per transaction)%n"
                                + "    Warden, senders waiting, a transaction per command (the REST path before group commit) %,.0f/s (ratio %.2f)%n"
                                + "    Warden, handed over to the ordered writers (batches of up to %d) %,.0f/s (ratio %.2f to 100 rows per transaction)%n",
                        threads,
                        jdbc,
                        jdbcBatched,
                        waiting,
                        waiting / jdbc,
                        alone,
                        alone / jdbc,
                        batch,
                        handedOver,
                        handedOver / jdbcBatched));
                BenchmarkReport.row(
                        "infractions-" + threads + "-ordered",
                        "infractions/s handed over to the ordered writers, " + threads + " sender(s)",
                        String.format(Locale.ROOT, "%,.0f", handedOver),
                        String.format(
                                Locale.ROOT, "raw JDBC %,.0f (row per tx) / %,.0f (100 per tx)", jdbc, jdbcBatched),
                        String.format(Locale.ROOT, "%.2f / %.2f", handedOver / jdbc, handedOver / jdbcBatched),
                        ">= 0.5");
                BenchmarkReport.row(
                        "infractions-" + threads + "-waiting",
                        "infractions/s, each sender waiting for its command (REST path, group commit; "
                                + "a transaction per command before), " + threads + " sender(s)",
                        String.format(Locale.ROOT, "%,.0f (before: %,.0f)", waiting, alone),
                        String.format(Locale.ROOT, "raw JDBC %,.0f (row per tx)", jdbc),
                        String.format(Locale.ROOT, "%.2f (before: %.2f)", waiting / jdbc, alone / jdbc),
                        ">= 0.5");
            }
            BenchmarkReport.print("infraction-throughput", out.toString());
        }
    }

    private static synchronized RecordInfraction infraction(int member, int i) {
        return new RecordInfraction(
                MemberKey.of(1, 1_000_000 + member),
                InfractionId.of("bench-" + member + "-" + i),
                InfractionType.SPAM,
                Actor.automod("spam"),
                null,
                new Evidence("3", "4", "hello hello hello", List.of(), List.of(), 1L),
                Instant.now(),
                null);
    }

    /** Runs {@code count} operations on {@code threads} threads and returns operations per second. */
    private static double run(int threads, IntConsumer operation, int count) throws Exception {
        return run(threads, operation, count, () -> {});
    }

    /** As above; {@code threadDone} runs on each thread after its last operation, inside the measured time. */
    private static double run(int threads, IntConsumer operation, int count, Runnable threadDone) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        AtomicInteger next = new AtomicInteger();
        long start = System.nanoTime();
        List<Future<?>> futures = new java.util.ArrayList<>();
        for (int t = 0; t < threads; t++) {
            futures.add(pool.submit(() -> {
                for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) operation.accept(i);
                threadDone.run();
            }));
        }
        for (Future<?> f : futures) f.get();
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        return count / seconds;
    }
}
