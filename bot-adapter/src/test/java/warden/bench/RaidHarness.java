package warden.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import warden.automod.AutomodSettings;
import warden.automod.InviteSettings;
import warden.automod.MentionSettings;
import warden.automod.VocabularySettings;
import warden.common.Actor;
import warden.common.GuildId;
import warden.config.AddSanctionRule;
import warden.config.ConfigureAutomod;
import warden.config.PolicyEditor;
import warden.discord.FakeDiscordProperties;
import warden.fakediscord.FakeDiscord;
import warden.fakediscord.FakeDiscordExtension;
import warden.fakediscord.Permission;
import warden.fakediscord.RecordedRequest;
import warden.fakediscord.World;
import warden.platform.testing.WardenSpringTest;
import warden.sanctions.InfractionType;
import warden.sanctions.RuleId;
import warden.sanctions.SanctionRule;
import warden.sanctions.SanctionSpec;

/**
 * A raid, end to end: 1,000 new accounts join and each sends 10 messages within 60 seconds (forbidden words, invites,
 * mention spam) while 200 members chat, through real JDA and the fake Discord. Prints message->delete and
 * threshold->sanction latencies and the heap, and checks the counts: every flagged message deleted and recorded
 * once, no infraction recorded twice, every sanction a rule decided applied on Discord.
 */
@Tag("benchmark")
@WardenSpringTest
@DirtiesContext
class RaidHarness {

    private static final int RAIDERS = Integer.getInteger("bench.raiders", 1000);
    private static final int MESSAGES_EACH = 10;
    private static final int SECONDS = 60;
    private static final int CHATTERS = 200;
    private static final int CHAT_PER_SECOND = Integer.getInteger("bench.chat", 200);
    static long guild, channel;
    static final List<Long> raiders = new ArrayList<>();
    static final List<Long> chatters = new ArrayList<>();
    static final List<Long> earlier = new ArrayList<>();
    private static final int WARM_UP_SECONDS = Integer.getInteger("bench.warmup", 15);
    static World.GuildSpec spec;

    @RegisterExtension
    static final FakeDiscordExtension DISCORD = new FakeDiscordExtension(world -> {
        spec = world.guild("Raided guild");
        guild = spec.id();
        channel = spec.channel("general");
        for (int i = 0; i < CHATTERS; i++) chatters.add(spec.member("regular-" + i));
        for (int i = 0; i < RAIDERS; i++) raiders.add(spec.member("raider-" + i));
        for (int i = 0; i < 200; i++) earlier.add(spec.member("earlier-" + i));
        spec.owner(spec.member("owner"));
        spec.withWarden(Permission.MODERATION_BOT, 5);
    });

    @DynamicPropertySource
    static void discord(DynamicPropertyRegistry registry) {
        FakeDiscordProperties.register(registry, DISCORD);
        registry.add("logging.level.root", () -> "WARN");
    }

    @Autowired
    PolicyEditor policies;

    @Autowired
    JdbcClient db;

    @Autowired
    io.micrometer.core.instrument.MeterRegistry meters;

    @Test
    void raid() throws Exception {
        List<String> words = ChatCorpus.vocabulary(500, 11).stream()
                .filter(w -> !w.contains("*"))
                .toList();
        policies.change(new ConfigureAutomod(
                GuildId.of(guild),
                new AutomodSettings(
                        new VocabularySettings(true, true, null, null, words, null, false, false),
                        new InviteSettings(true, true, null, null, null, null, false),
                        null,
                        null,
                        null,
                        null,
                        new MentionSettings(true, true, null, null, Duration.ofSeconds(10), 8, true, false),
                        null,
                        null,
                        null),
                null,
                Actor.system("raid"),
                Instant.now()));
        policies.change(new AddSanctionRule(
                GuildId.of(guild),
                new SanctionRule(
                        RuleId.of("words"),
                        InfractionType.VOCABULARY,
                        3,
                        Duration.ofMinutes(10),
                        SanctionSpec.timeout(Duration.ofHours(1)),
                        true),
                Actor.system("raid"),
                Instant.now()));
        policies.change(new AddSanctionRule(
                GuildId.of(guild),
                new SanctionRule(RuleId.of("raid"), null, 5, Duration.ofMinutes(10), SanctionSpec.ban(null), true),
                Actor.system("raid"),
                Instant.now()));

        FakeDiscord fake = DISCORD.discord();
        Map<Long, Long> postedAt = new ConcurrentHashMap<>();
        Map<Long, Long> author = new ConcurrentHashMap<>();
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicLong chat = new AtomicLong();
        AtomicLong maxHeap = new AtomicLong();
        List<String> clean = ChatCorpus.messages(3000, 5).stream()
                .map(m -> m.content())
                .filter(c -> !c.contains("discord.gg") && !c.contains("<@"))
                .toList();

        Thread heap = new Thread(
                () -> {
                    while (running.get()) {
                        maxHeap.accumulateAndGet(
                                ManagementFactory.getMemoryMXBean()
                                        .getHeapMemoryUsage()
                                        .getUsed(),
                                Math::max);
                        sleep(250);
                    }
                },
                "heap-sampler");
        Thread chatter = new Thread(
                () -> {
                    long interval = 1_000_000_000L / CHAT_PER_SECOND;
                    long next = System.nanoTime();
                    for (int i = 0; running.get(); i++) {
                        fake.postMessage(guild, channel, chatters.get(i % CHATTERS), clean.get(i % clean.size()));
                        chat.incrementAndGet();
                        next += interval;
                        long wait = next - System.nanoTime();
                        if (wait > 0) sleep(wait / 1_000_000);
                    }
                },
                "background-chatter");
        heap.start();
        chatter.start();

        // a raid hits a bot that has been running: chat and a few flagged messages from other members first, not
        // counted
        Random random = new Random(42);
        long warmEnd = System.nanoTime() + WARM_UP_SECONDS * 1_000_000_000L;
        for (int i = 0; System.nanoTime() < warmEnd; i++) {
            fake.postMessage(
                    guild,
                    channel,
                    earlier.get(i % earlier.size()),
                    i % 2 == 0
                            ? "you are such a " + words.get(random.nextInt(words.size())) + " lol"
                            : "free nitro discord.gg/warm" + i);
            sleep(25);
        }
        long counted = chat.get();

        // every raider's 10 messages, spread over the minute in a random order
        List<long[]> plan = new ArrayList<>(); // {at millis, raider index, kind}
        for (int r = 0; r < RAIDERS; r++) {
            for (int m = 0; m < MESSAGES_EACH; m++)
                plan.add(new long[] {random.nextInt(SECONDS * 1000), r, random.nextInt(3)});
        }
        plan.sort((a, b) -> Long.compare(a[0], b[0]));
        long start = System.nanoTime();
        int skipped = 0;
        for (long[] step : plan) {
            long due = start + step[0] * 1_000_000L;
            long wait = due - System.nanoTime();
            if (wait > 0) sleep(wait / 1_000_000);
            long raider = raiders.get((int) step[1]);
            if (spec.banned(raider)
                    || spec.memberOf(raider) == null
                    || spec.memberOf(raider).communicationDisabledUntil() != null) {
                skipped++; // Discord keeps a banned or timed-out member from posting
                continue;
            }
            String content = switch ((int) step[2]) {
                case 0 -> "you are such a " + words.get(random.nextInt(words.size())) + " lol";
                case 1 -> "free nitro discord.gg/raid" + random.nextInt(1000);
                default -> mentions(random);
            };
            long id = fake.postMessage(guild, channel, raider, content);
            postedAt.put(id, System.nanoTime());
            author.put(id, raider);
        }
        double raidSeconds = (System.nanoTime() - start) / 1e9;
        running.set(false);
        chatter.join();
        long chatDuringRaid = chat.get() - counted;
        heap.join();

        // every raid message that the policy flags is deleted; wait for the last ones, then for the records
        long[] last = {-1};
        await().atMost(Duration.ofMinutes(5))
                .pollInterval(Duration.ofSeconds(5))
                .until(() -> {
                    long now = deletes(fake, postedAt).size();
                    boolean settled = now == last[0] || now >= flaggedCount(postedAt);
                    last[0] = now;
                    return settled;
                });
        Map<Long, Long> deleted = deletes(fake, postedAt);
        Map<String, Integer> missed = new HashMap<>();
        postedAt.keySet().stream()
                .filter(id -> !deleted.containsKey(id))
                .forEach(id -> missed.merge(
                        String.valueOf(
                                        fake.message(id) == null
                                                ? "gone"
                                                : fake.message(id).get("content"))
                                .replaceAll("\\d+", "#")
                                .replaceAll("<@#>", "@")
                                .substring(0, 12),
                        1,
                        Integer::sum));
        System.out.println("[raid] not deleted: " + missed);
        await().atMost(Duration.ofMinutes(3)).until(() -> infractionMessages().containsAll(deleted.keySet()));
        await().atMost(Duration.ofMinutes(3))
                .until(() -> count("SanctionApplied") + count("SanctionFailed") == ruleSanctions());

        List<Long> deleteMicros = new ArrayList<>();
        deleted.forEach((id, at) -> deleteMicros.add((at - postedAt.get(id)) / 1000));
        Collections.sort(deleteMicros);
        List<Long> sanctionMicros = sanctionLatencies(fake, postedAt, author);
        long infractions = db.sql(
                        "select count(*) from domainevententry where payloadtype = 'warden.sanctions.InfractionRecorded'")
                .query(Long.class)
                .single();
        long distinct = db.sql("""
                        select count(distinct convert_from(payload, 'UTF8')::jsonb->>'infractionId') from domainevententry
                        where payloadtype = 'warden.sanctions.InfractionRecorded'""").query(Long.class).single();
        List<String> failures = db.sql("select reason from sanction_state where status = 'FAILED'")
                .query(String.class)
                .list();
        if (!failures.isEmpty()) System.out.println("[raid] failed sanctions: " + failures);
        List<Long> decisionMicros = decisionLatencies(fake, author, postedAt);
        System.gc();
        long heapAfter =
                ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        String report = String.format(
                Locale.ROOT,
                """
                        Raid, after a %d s warm-up (chat and flagged messages from other members): %,d accounts x %d messages within %d s (%,d sent, %,d skipped: banned or timed out) while %d members chat (%,d messages, %.0f/s)
                          flagged and deleted: %,d raid messages; message -> DELETE p50 %.1f ms  p90 %.1f ms  p99 %.1f ms  max %.1f ms
                          infractions recorded (warm-up included): %,d (%,d distinct ids); sanctions decided by rules: %,d, applied %,d, failed %,d
                          threshold -> sanction on Discord (the message that crossed it -> the ban or timeout request): p50 %.1f ms  p90 %.1f ms  p99 %.1f ms  max %.1f ms
                          of which the decision (stored) -> the request: p50 %.1f ms  p90 %.1f ms  p99 %.1f ms
                          heap: max %,d MB during the raid, %,d MB after it (after a GC)
                        """,
                WARM_UP_SECONDS,
                RAIDERS,
                MESSAGES_EACH,
                SECONDS,
                postedAt.size(),
                skipped,
                CHATTERS,
                chatDuringRaid,
                chatDuringRaid / raidSeconds,
                deleted.size(),
                pct(deleteMicros, 50),
                pct(deleteMicros, 90),
                pct(deleteMicros, 99),
                deleteMicros.get(deleteMicros.size() - 1) / 1000.0,
                infractions,
                distinct,
                ruleSanctions(),
                count("SanctionApplied"),
                count("SanctionFailed"),
                pct(sanctionMicros, 50),
                pct(sanctionMicros, 90),
                pct(sanctionMicros, 99),
                sanctionMicros.isEmpty() ? 0 : sanctionMicros.get(sanctionMicros.size() - 1) / 1000.0,
                pct(decisionMicros, 50),
                pct(decisionMicros, 90),
                pct(decisionMicros, 99),
                maxHeap.get() >> 20,
                heapAfter >> 20);
        StringBuilder lanes = new StringBuilder();
        meters.find("warden.discord.work.task")
                .timers()
                .forEach(t -> lanes.append(String.format(
                        Locale.ROOT,
                        "  lane work %-22s %,8d tasks, mean %.1f µs, max %.1f ms%n",
                        t.getId().getTag("kind"),
                        t.count(),
                        t.mean(java.util.concurrent.TimeUnit.MICROSECONDS),
                        t.max(java.util.concurrent.TimeUnit.MILLISECONDS))));
        lanes.append(String.format(
                Locale.ROOT,
                "  hand-overs that waited for a full lane: %.0f; commands queued for writers at the end: %.0f%n",
                meters.counter("warden.discord.work.waits").count(),
                meters.get("warden.commands.queued")
                        .tag("writers", "automod")
                        .gauge()
                        .value()));
        // when slow deletions happen tells a start-up cost (first messages) from a steady queue
        Map<Long, List<Long>> byWindow = new java.util.TreeMap<>();
        deleted.forEach((id, at) -> byWindow.computeIfAbsent(
                        (postedAt.get(id) - start) / 10_000_000_000L, k -> new ArrayList<>())
                .add((at - postedAt.get(id)) / 1000));
        byWindow.forEach((window, micros) -> {
            Collections.sort(micros);
            lanes.append(String.format(
                    Locale.ROOT,
                    "  posted at %2d-%2d s: %,5d deleted, p50 %.1f ms  p99 %.1f ms%n",
                    window * 10,
                    window * 10 + 10,
                    micros.size(),
                    pct(micros, 50),
                    pct(micros, 99)));
        });
        BenchmarkReport.print("raid", report + lanes);
        String counts = String.format(
                Locale.ROOT,
                "%,d deleted, %,d infractions (%,d distinct), %,d/%,d rule sanctions applied",
                deleted.size(),
                infractions,
                distinct,
                count("SanctionApplied"),
                ruleSanctions());
        BenchmarkReport.row(
                "raid-1-delete",
                "raid: message -> DELETE p99 (" + counts + ")",
                String.format(Locale.ROOT, "%.1f ms", pct(deleteMicros, 99)),
                "-",
                "-",
                "p99 < 50 ms, counts exact");
        BenchmarkReport.row(
                "raid-2-sanction",
                "raid: threshold -> sanction p99",
                String.format(Locale.ROOT, "%.1f ms", pct(sanctionMicros, 99)),
                "-",
                "-",
                "p99 < 250 ms");
        BenchmarkReport.row(
                "raid-3-heap",
                "raid: heap, max during / after a GC",
                String.format(Locale.ROOT, "%,d / %,d MB", maxHeap.get() >> 20, heapAfter >> 20),
                "-",
                "-",
                "bounded");

        assertThat(distinct).as("no infraction recorded twice").isEqualTo(infractions);
        assertThat(infractionMessages()).containsAll(deleted.keySet());
        assertThat(count("SanctionFailed")).isZero();
        assertThat(count("SanctionApplied")).isEqualTo(ruleSanctions());
    }

    /** Nine different members mentioned in one message: over the limit of eight. */
    private static String mentions(Random random) {
        StringBuilder text = new StringBuilder("hey");
        int first = random.nextInt(CHATTERS);
        for (int i = 0; i < 9; i++)
            text.append(" <@").append(chatters.get((first + i * 7) % CHATTERS)).append('>');
        return text.toString();
    }

    /** Raid messages the policy flags: forbidden words and invites always; mention spam always (9 > 8 in one message). */
    private static long flaggedCount(Map<Long, Long> posted) {
        return posted.size();
    }

    private Set<Long> infractionMessages() {
        return new HashSet<>(db.sql("""
                        select split_part(convert_from(payload, 'UTF8')::jsonb->>'infractionId', ':', 2)::bigint
                        from domainevententry where payloadtype = 'warden.sanctions.InfractionRecorded'""").query(Long.class).list());
    }

    private long count(String event) {
        return db.sql("select count(*) from domainevententry where payloadtype = ?")
                .param("warden.sanctions." + event)
                .query(Long.class)
                .single();
    }

    private long ruleSanctions() {
        return db.sql("""
                        select count(*) from domainevententry where payloadtype = 'warden.sanctions.SanctionDecided'
                        and convert_from(payload, 'UTF8')::jsonb->'rule' is not null
                        and convert_from(payload, 'UTF8')::jsonb->'rule' <> 'null'::jsonb""").query(Long.class).single();
    }

    /** From the message whose infraction crossed a rule's threshold to Warden's ban or timeout request for its author. */
    private List<Long> sanctionLatencies(FakeDiscord fake, Map<Long, Long> postedAt, Map<Long, Long> author) {
        Map<Long, Long> firstRequest = new HashMap<>();
        for (RecordedRequest r : fake.requests()) {
            if (r.is("PUT", "guilds/\\d+/bans/\\d+") || r.is("PATCH", "guilds/\\d+/members/\\d+")) {
                long user = Long.parseLong(r.path().substring(r.path().lastIndexOf('/') + 1));
                firstRequest.merge(user, r.atNanos(), Math::min);
            }
        }
        List<Long> micros = new ArrayList<>();
        for (String sanctionId :
                db.sql("""
                        select convert_from(payload, 'UTF8')::jsonb->>'sanctionId' from domainevententry
                        where payloadtype = 'warden.sanctions.SanctionDecided' and aggregateidentifier like ?""").param(guild + ":%").query(String.class).list()) {
            // rule:<rule>:msg:<message>:<module>
            String[] parts = sanctionId.split(":");
            if (parts.length < 4 || !parts[0].equals("rule") || !parts[2].equals("msg")) continue;
            long message = Long.parseLong(parts[3]);
            Long posted = postedAt.get(message);
            Long requested = author.containsKey(message) ? firstRequest.get(author.get(message)) : null;
            if (posted != null && requested != null && requested >= posted) micros.add((requested - posted) / 1000);
        }
        Collections.sort(micros);
        return micros;
    }

    /** From the stored decision (its event time, in wall-clock nanoseconds of this JVM) to the request on Discord. */
    private List<Long> decisionLatencies(FakeDiscord fake, Map<Long, Long> author, Map<Long, Long> postedAt) {
        long offset = System.nanoTime() - Instant.now().toEpochMilli() * 1_000_000L; // nanoTime = epoch nanos + offset
        Map<Long, Long> firstRequest = new HashMap<>();
        for (RecordedRequest r : fake.requests()) {
            if (r.is("PUT", "guilds/\\d+/bans/\\d+") || r.is("PATCH", "guilds/\\d+/members/\\d+")) {
                firstRequest.merge(
                        Long.parseLong(r.path().substring(r.path().lastIndexOf('/') + 1)), r.atNanos(), Math::min);
            }
        }
        List<Long> micros = new ArrayList<>();
        db.sql("""
                        select (convert_from(payload, 'UTF8')::jsonb->'member'->>'user')::bigint as user_id, timestamp
                        from domainevententry where payloadtype = 'warden.sanctions.SanctionDecided'""")
                .query((rs, n) -> new long[] {
                    rs.getLong(1), Instant.parse(rs.getString(2)).toEpochMilli() * 1_000_000L + offset
                })
                .list()
                .forEach(d -> {
                    Long requested = firstRequest.get(d[0]);
                    if (requested != null && requested >= d[1]) micros.add((requested - d[1]) / 1000);
                });
        Collections.sort(micros);
        return micros;
    }

    private static Map<Long, Long> deletes(FakeDiscord fake, Map<Long, Long> posted) {
        Map<Long, Long> at = new HashMap<>();
        for (RecordedRequest r : fake.requests("DELETE", "channels/" + channel + "/messages/\\d+")) {
            long id = Long.parseLong(r.path().substring(r.path().lastIndexOf('/') + 1));
            if (posted.containsKey(id)) at.merge(id, r.atNanos(), Math::min);
        }
        return at;
    }

    private static double pct(List<Long> sorted, int p) {
        if (sorted.isEmpty()) return 0;
        return sorted.get(Math.max(0, (int) Math.ceil(p / 100.0 * sorted.size()) - 1)) / 1000.0;
    }

    private static void sleep(long millis) {
        if (millis <= 0) return;
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
