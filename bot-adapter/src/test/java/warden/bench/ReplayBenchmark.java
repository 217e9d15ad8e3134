package warden.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import warden.WardenApplication;
import warden.replay.ReplayService;
import warden.replay.ReplayStatus;

/**
 * Load harness: the read models catching up on, then replaying, 1,000,000 events (100,000 members with 10
 * infractions each), beside the baseline of PostgreSQL building the same read-model rows server-side from the same
 * events (INSERT ... SELECT over the event table), measured in the same run. A first catch-up on 200,000 events right
 * after the start, on a cold JVM, is reported apart.
 */
@Tag("benchmark")
class ReplayBenchmark {

    private static final int EVENTS = Integer.getInteger("bench.events", 1_000_000);
    private static final int MEMBERS = 100_000;
    private static final int QUERIES = Integer.getInteger("bench.queries", 5_000);
    private static final int WARM_UP = Integer.getInteger("bench.warm-up-events", 200_000);
    private static final long GUILD = 1001;
    private static final long WARM_UP_GUILD = 1002;

    @TempDir
    Path dataDir;

    @Test
    void catchUpAndReplay() {
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(WardenApplication.class)
                .run(
                        "--server.port=0",
                        "--warden.embedded-db.data-dir=" + dataDir,
                        "--spring.config.additional-location=classpath:warden-test-tokens.properties",
                        "--warden.embedded-db.working-dir=target/embedded-pg",
                        "--warden.discord.token=",
                        "--logging.level.root=WARN")) {
            JdbcClient db = app.getBean(JdbcClient.class);
            ReplayService replay = app.getBean(ReplayService.class);

            // right after the start, on a cold JVM (its compilers still at work, its heap growing): reported apart,
            // then
            // removed (events and rows), so that the phases measured below see exactly the 1,000,000 events
            EventProcessingConfiguration processing = app.getBean(EventProcessingConfiguration.class);
            write(db, processing, WARM_UP_GUILD, WARM_UP);
            CatchUp cold = catchUp(db, processing, replay, WARM_UP);
            db.sql("delete from domainevententry where aggregateidentifier like ?")
                    .param(WARM_UP_GUILD + ":%")
                    .update();
            db.sql("delete from audit_event where guild_id = ?")
                    .param(WARM_UP_GUILD)
                    .update();
            db.sql("delete from infraction_state where guild_id = ?")
                    .param(WARM_UP_GUILD)
                    .update();

            double writeSeconds = write(db, processing, GUILD, EVENTS);
            CatchUp warm = catchUp(db, processing, replay, EVENTS);
            double catchUp = warm.seconds();
            String catchUpJvm = warm.jvm();
            StringBuilder catchUpProgress = warm.progress();
            assertThat(db.sql("select count(*) from infraction_state")
                            .query(Long.class)
                            .single())
                    .isEqualTo(EVENTS);
            assertThat(db.sql("select count(*) from audit_event")
                            .query(Long.class)
                            .single())
                    .isEqualTo(EVENTS);

            db.sql("checkpoint").update();
            long started = System.nanoTime();
            JvmUsage replayUsage = JvmUsage.now();
            ReplayStatus status = replay.start();
            StringBuilder progress = new StringBuilder();
            while (status.state() != ReplayStatus.State.DONE) {
                sleep(5_000);
                status = replay.status();
                progress.append(String.format(
                        Locale.ROOT,
                        "    replay: %,d / %,d events, %,.0f events/s, ETA %s%n",
                        status.eventsDone(),
                        status.eventsTotal(),
                        status.ratePerSecond(),
                        status.eta() == null ? "-" : status.eta()));
            }
            double replaySeconds = (System.nanoTime() - started) / 1e9;
            String replayJvm = replayUsage.since();

            // the baseline: PostgreSQL builds the same rows from the same events by itself. "offset 0" keeps the
            // planner
            // from pulling the subquery up: it would then parse each event's JSON once per column read from it (nine
            // times), which made this baseline four times slower than PostgreSQL is (124 s instead of 34 s at 1M)
            db.sql("create table baseline_audit (like audit_event including all)")
                    .update();
            db.sql("create table baseline_infraction (like infraction_state including all)")
                    .update();
            db.sql("checkpoint").update();
            started = System.nanoTime();
            MachineCpu baselineMachine = MachineCpu.now();
            db.sql("""
                    insert into baseline_audit(event_id, global_index, guild_id, user_id, event_type, ref_id, infraction_type,
                                               sanction_kind, actor, reason, occurred_at, payload)
                    select eventidentifier, globalindex, (p->'member'->>'guild')::bigint, (p->'member'->>'user')::bigint,
                           'InfractionRecorded', p->>'infractionId', p->>'type', null,
                           lower(p->'by'->>'kind') || ':' || (p->'by'->>'id'), p->>'reason', (p->>'occurredAt')::timestamptz, p
                    from (select eventidentifier, globalindex, convert_from(payload, 'UTF8')::jsonb as p from domainevententry
                          where payloadtype = 'warden.sanctions.InfractionRecorded' offset 0) e""").update();
            db.sql("""
                    insert into baseline_infraction(guild_id, user_id, infraction_id, infraction_type, source, reason, evidence, occurred_at)
                    select (p->'member'->>'guild')::bigint, (p->'member'->>'user')::bigint, p->>'infractionId', p->>'type',
                           lower(p->'by'->>'kind') || ':' || (p->'by'->>'id'), p->>'reason', p->'evidence', (p->>'occurredAt')::timestamptz
                    from (select convert_from(payload, 'UTF8')::jsonb as p from domainevententry
                          where payloadtype = 'warden.sanctions.InfractionRecorded' offset 0) e""").update();
            double baseline = (System.nanoTime() - started) / 1e9;
            String baselineUsage = baselineMachine.since();

            // the cold catch-up's rate against the baseline's rate (it handled fewer events)
            double coldRatio = (WARM_UP / cold.seconds()) / (EVENTS / baseline);
            String queries =
                    queryLatency(((org.springframework.boot.web.server.context.WebServerApplicationContext) app)
                            .getWebServer()
                            .getPort());
            String report = String.format(
                    Locale.ROOT,
                    """
                            Read models over %,d events (%,d members x %d infractions), embedded PostgreSQL 17, fsync on, %d cores
                              events written server-side in %.1f s
                              catching up on %,d events right after the start (cold JVM, then removed): %.1f s (%,.0f events/s; %s)
                              catching up:  %.1f s (%,.0f events/s; %s)
                              replay:       %.1f s (%,.0f events/s; %s)
                              baseline, PostgreSQL building the same rows server-side: %.1f s (%,.0f events/s; %s)
                              ratio catching up %.2f (right after the start %.2f), replay %.2f
                            """,
                    EVENTS,
                    MEMBERS,
                    EVENTS / MEMBERS,
                    Runtime.getRuntime().availableProcessors(),
                    writeSeconds,
                    WARM_UP,
                    cold.seconds(),
                    WARM_UP / cold.seconds(),
                    cold.jvm(),
                    catchUp,
                    EVENTS / catchUp,
                    catchUpJvm,
                    replaySeconds,
                    EVENTS / replaySeconds,
                    replayJvm,
                    baseline,
                    EVENTS / baseline,
                    baselineUsage,
                    baseline / catchUp,
                    coldRatio,
                    baseline / replaySeconds);
            BenchmarkReport.print("replay", report + queries + cold.progress() + catchUpProgress + progress);
            String events = String.format(Locale.ROOT, "%,d events", EVENTS);
            String server = String.format(Locale.ROOT, "server-side copy %.1f s", baseline);
            BenchmarkReport.row(
                    "replay-0-cold",
                    String.format(
                            Locale.ROOT,
                            "projections catching up on %,d events right after the start (cold JVM)",
                            WARM_UP),
                    String.format(Locale.ROOT, "%.1f s (%,.0f/s)", cold.seconds(), WARM_UP / cold.seconds()),
                    String.format(Locale.ROOT, "server-side copy %,.0f/s", EVENTS / baseline),
                    String.format(Locale.ROOT, "%.2f", coldRatio),
                    "reported apart");
            BenchmarkReport.row(
                    "replay-1-catch-up",
                    "projections catching up on " + events,
                    String.format(Locale.ROOT, "%.1f s (%,.0f/s)", catchUp, EVENTS / catchUp),
                    server,
                    String.format(Locale.ROOT, "%.2f", baseline / catchUp),
                    ">= 0.5");
            BenchmarkReport.row(
                    "replay-2-replay",
                    "replay of " + events,
                    String.format(Locale.ROOT, "%.1f s (%,.0f/s)", replaySeconds, EVENTS / replaySeconds),
                    server,
                    String.format(Locale.ROOT, "%.2f", baseline / replaySeconds),
                    ">= 0.5, and < 60 s");
        }
    }

    /** A member's log and standing over HTTP at this size, beside /actuator/health on the same server, interleaved. */
    private static String queryLatency(int port) {
        warden.platform.testing.ApiClient api = new warden.platform.testing.ApiClient(port);
        java.util.Random random = new java.util.Random(11);
        java.util.List<Long> log = new java.util.ArrayList<>();
        java.util.List<Long> standing = new java.util.ArrayList<>();
        java.util.List<Long> health = new java.util.ArrayList<>();
        // 5,000 of each: a p99 of 2,000 rests on its 20 slowest answers, and moved by 2-3 ms between runs of the same
        // code
        for (int i = 0; i < QUERIES + 500; i++) {
            String member = "/api/v1/guilds/1001/members/" + (100000 + random.nextInt(MEMBERS));
            long t0 = System.nanoTime();
            api.get(warden.platform.testing.ApiTokens.OPERATOR, member + "/infractions?size=25");
            long t1 = System.nanoTime();
            api.get(warden.platform.testing.ApiTokens.OPERATOR, member + "/standing");
            long t2 = System.nanoTime();
            api.get(null, "/actuator/health");
            long t3 = System.nanoTime();
            if (i >= 500) { // the first 500 warm up
                log.add(t1 - t0);
                standing.add(t2 - t1);
                health.add(t3 - t2);
            }
        }
        BenchmarkReport.row(
                "replay-3-log",
                "member log over HTTP, p99",
                ms(pct(log, 99)),
                "/actuator/health " + ms(pct(health, 99)),
                String.format(Locale.ROOT, "+%.2f ms", pct(log, 99) - pct(health, 99)),
                "within 2 ms of health");
        BenchmarkReport.row(
                "replay-4-standing",
                "member standing over HTTP, p99",
                ms(pct(standing, 99)),
                "/actuator/health " + ms(pct(health, 99)),
                String.format(Locale.ROOT, "+%.2f ms", pct(standing, 99) - pct(health, 99)),
                "within 2 ms of health");
        return String.format(
                Locale.ROOT,
                "  over HTTP at this size (%,d each, interleaved), p50 / p90 / p99 / p99.9: member log %s ms, "
                        + "standing %s ms, /actuator/health %s ms%n",
                QUERIES,
                spread(log),
                spread(standing),
                spread(health));
    }

    private static String spread(java.util.List<Long> nanos) {
        return String.format(
                Locale.ROOT,
                "%.2f / %.2f / %.2f / %.2f",
                pct(nanos, 50),
                pct(nanos, 90),
                pct(nanos, 99),
                pct(nanos, 99.9));
    }

    /**
     * Appends {@code count} infractions of {@value #MEMBERS} members of one guild server-side, the processors stopped
     * (they catch up on them when started), and writes the events to disk (a checkpoint), so that the phase measured
     * next does not also pay for this bulk write's I/O: a store that grew over time had its checkpoints long ago.
     * Answers the seconds the insert took.
     */
    private static double write(JdbcClient db, EventProcessingConfiguration processing, long guild, int count) {
        streaming(processing).forEach(StreamingEventProcessor::shutDown);
        long started = System.nanoTime();
        db.sql("""
                        insert into domainevententry(aggregateidentifier, sequencenumber, type, eventidentifier, metadata,
                                                     payload, payloadrevision, payloadtype, timestamp)
                        select :guild || ':' || (100000 + i % :members), i / :members, 'MemberRecord', md5(:guild || 'e' || i),
                               convert_to('{}', 'UTF8'),
                               convert_to(json_build_object(
                                   'member', json_build_object('guild', :guild::text, 'user', (100000 + i % :members)::text),
                                   'infractionId', 'r-' || i, 'type', 'SPAM', 'by', json_build_object('kind', 'AUTOMOD', 'id', 'spam'),
                                   'reason', 'Too many messages', 'evidence', json_build_object('channelId', '3', 'messageId', (900000 + i)::text,
                                       'content', 'buy cheap followers now', 'spans', json_build_array(), 'revealedBy', json_build_array(),
                                       'policyVersion', 1),
                                   'occurredAt', to_char(timestamp '2026-01-01' + i * interval '1 second', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'))::text, 'UTF8'),
                               '2', 'warden.sanctions.InfractionRecorded', '2026-01-01T00:00:00Z'
                        from generate_series(0, :count - 1) as i""")
                .param("guild", guild)
                .param("members", MEMBERS)
                .param("count", count)
                .update();
        double seconds = (System.nanoTime() - started) / 1e9;
        db.sql("checkpoint").update();
        return seconds;
    }

    private static java.util.List<StreamingEventProcessor> streaming(EventProcessingConfiguration processing) {
        return processing.eventProcessors().values().stream()
                .filter(StreamingEventProcessor.class::isInstance)
                .map(StreamingEventProcessor.class::cast)
                .toList();
    }

    private record CatchUp(double seconds, String jvm, StringBuilder progress) {}

    /**
     * Starts every processor and waits for the read models to handle the last {@code count} events appended.
     * Followed by the processors' own positions: counting the read-model tables every 200 ms would scan them, and the
     * scans would slow PostgreSQL down for the processors.
     */
    private static CatchUp catchUp(
            JdbcClient db, EventProcessingConfiguration processing, ReplayService replay, int count) {
        long head = db.sql("select max(globalindex) from domainevententry")
                .query(Long.class)
                .single();
        long started = System.nanoTime();
        JvmUsage usage = JvmUsage.now();
        streaming(processing).forEach(StreamingEventProcessor::start);
        StringBuilder progress = new StringBuilder();
        long reported = started;
        while (!replay.caughtUp("ledger", head)) {
            assertThat(System.nanoTime() - started)
                    .as("caught up within 30 minutes")
                    .isLessThan(Duration.ofMinutes(30).toNanos());
            sleep(200);
            if (System.nanoTime() - reported >= 5_000_000_000L) {
                reported = System.nanoTime();
                progress.append(String.format(
                        Locale.ROOT,
                        "    catching up: %,d / %,d events after %.0f s%n",
                        replay.positionOf("ledger") - (head - count),
                        count,
                        (reported - started) / 1e9));
            }
        }
        return new CatchUp((System.nanoTime() - started) / 1e9, usage.since(), progress);
    }

    /** The JVM's CPU time and its collectors' time from a moment on (what a phase spent, beside its wall time). */
    private record JvmUsage(long cpuNanos, long gcMillis, MachineCpu machine) {
        static JvmUsage now() {
            long gc = java.lang.management.ManagementFactory.getGarbageCollectorMXBeans().stream()
                    .mapToLong(java.lang.management.GarbageCollectorMXBean::getCollectionTime)
                    .sum();
            return new JvmUsage(
                    ((com.sun.management.OperatingSystemMXBean)
                                    java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                            .getProcessCpuTime(),
                    gc,
                    MachineCpu.now());
        }

        String since() {
            JvmUsage end = now();
            return String.format(
                    Locale.ROOT,
                    "JVM CPU %.1f s, in collections %.1f s; %s",
                    (end.cpuNanos - cpuNanos) / 1e9,
                    (end.gcMillis - gcMillis) / 1e3,
                    machine.since());
        }
    }

    private static String ms(double millis) {
        return String.format(Locale.ROOT, "%.2f ms", millis);
    }

    private static double pct(java.util.List<Long> nanos, double p) {
        java.util.List<Long> sorted = new java.util.ArrayList<>(nanos);
        java.util.Collections.sort(sorted);
        return sorted.get(Math.max(0, (int) Math.ceil(p / 100.0 * sorted.size()) - 1)) / 1e6;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
