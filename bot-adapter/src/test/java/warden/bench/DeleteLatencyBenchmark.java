package warden.bench;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import warden.automod.AutomodSettings;
import warden.automod.VocabularySettings;
import warden.common.Actor;
import warden.common.GuildId;
import warden.config.ConfigureAutomod;
import warden.discord.FakeDiscordProperties;
import warden.fakediscord.FakeDiscord;
import warden.fakediscord.FakeDiscordExtension;
import warden.fakediscord.Permission;
import warden.fakediscord.RecordedRequest;
import warden.fakediscord.World;
import warden.platform.testing.WardenSpringTest;

/**
 * Load harness: the delay from the fake Discord sending MESSAGE_CREATE to Warden's DELETE request, with real JDA,
 * while background members chat at a few hundred clean messages per second. Prints p50, p90, p99 and max once the
 * load has run for a few seconds, and the same for those first seconds (the cold start) apart.
 */
@Tag("benchmark")
@WardenSpringTest
@DirtiesContext
class DeleteLatencyBenchmark {

    private static final int SAMPLES = Integer.getInteger("bench.samples", 400);
    private static final int BACKGROUND_PER_SECOND = Integer.getInteger("bench.background", 200);
    private static final int WARMUP_SECONDS = Integer.getInteger("bench.warmup-seconds", 5);
    static long guild, channel;
    static final List<Long> members = new ArrayList<>();

    @RegisterExtension
    static final FakeDiscordExtension DISCORD = new FakeDiscordExtension(world -> {
        World.GuildSpec g = world.guild("Busy guild");
        guild = g.id();
        channel = g.channel("general");
        for (int i = 0; i < 50; i++) members.add(g.member("m" + i));
        g.owner(g.member("owner"));
        g.withWarden(Permission.MODERATION_BOT, 5);
    });

    @DynamicPropertySource
    static void discord(DynamicPropertyRegistry registry) {
        FakeDiscordProperties.register(registry, DISCORD);
        registry.add("logging.level.root", () -> "WARN");
    }

    @Autowired
    CommandGateway commands;

    @Autowired
    io.micrometer.core.instrument.MeterRegistry meters;

    @Test
    void messageCreateToDelete() throws Exception {
        commands.sendAndWait(new ConfigureAutomod(
                GuildId.of(guild),
                new AutomodSettings(
                        new VocabularySettings(
                                true, true, null, null, ChatCorpus.vocabulary(1000, 7), null, false, false),
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null),
                null,
                Actor.system("bench"),
                Instant.now()));
        FakeDiscord fake = DISCORD.discord();
        // background chatter that the policy leaves alone, as the benchmark's figure says ("clean messages")
        warden.automod.DetectionEngine engine = warden.automod.DetectionEngine.offline();
        var compiled = engine.compile(new warden.config.PolicyDocument(
                GuildId.of(guild),
                1,
                false,
                new AutomodSettings(
                        new VocabularySettings(
                                true, true, null, null, ChatCorpus.vocabulary(1000, 7), null, false, false),
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null),
                List.of()));
        List<String> clean = ChatCorpus.messages(4000, 3).stream()
                .filter(m -> !engine.evaluate(m, compiled).flagged())
                .map(m -> m.content())
                .toList();
        String forbidden = ChatCorpus.vocabulary(1000, 7).stream()
                .filter(w -> !w.contains("*"))
                .findFirst()
                .orElseThrow();

        AtomicBoolean running = new AtomicBoolean(true);
        AtomicLong background = new AtomicLong();
        Thread chatter = new Thread(
                () -> {
                    long interval = 1_000_000_000L / BACKGROUND_PER_SECOND;
                    long next = System.nanoTime();
                    int i = 0;
                    while (running.get()) {
                        fake.postMessage(guild, channel, members.get(i % members.size()), clean.get(i % clean.size()));
                        background.incrementAndGet();
                        i++;
                        next += interval;
                        long sleep = next - System.nanoTime();
                        if (sleep > 0) sleepNanos(sleep);
                    }
                },
                "background-chatter");
        chatter.start();

        // the first seconds at full rate are a cold start (the JIT compiles the paths while the load already runs):
        // reported apart, as the steady figure's warm-up
        Map<Long, Long> coldPostedAt = new HashMap<>();
        long warm = System.nanoTime() + WARMUP_SECONDS * 1_000_000_000L;
        while (System.nanoTime() < warm) {
            coldPostedAt.put(
                    fake.postMessage(
                            guild,
                            channel,
                            members.get(coldPostedAt.size() % members.size()),
                            "hey " + forbidden + " you"),
                    System.nanoTime());
            Thread.sleep(20);
        }
        Map<Long, Long> postedAt = new HashMap<>();
        Map<String, Long> cpuBefore = ThreadCpu.byRole();
        Map<String, Long> detailBefore = ThreadCpu.byDetail();
        long backgroundBefore = background.get();
        long started = System.nanoTime();
        for (int i = 0; i < SAMPLES; i++) {
            long id = fake.postMessage(guild, channel, members.get(i % members.size()), "hey " + forbidden + " you");
            postedAt.put(id, System.nanoTime());
            Thread.sleep(20);
        }
        await().atMost(Duration.ofSeconds(60))
                .until(() -> deletes(fake, postedAt).size() == postedAt.size());
        Map<String, Long> cpu = ThreadCpu.since(cpuBefore);
        Map<String, Long> detail = ThreadCpu.byDetail();
        detail.replaceAll((k, v) -> v - detailBefore.getOrDefault(k, 0L));
        long gatewayMessages = background.get() - backgroundBefore + SAMPLES;
        double seconds = (System.nanoTime() - started) / 1e9;
        double rate = (background.get() - backgroundBefore) / seconds;
        running.set(false);
        chatter.join();
        await().atMost(Duration.ofSeconds(60))
                .until(() -> deletes(fake, coldPostedAt).size() == coldPostedAt.size());
        List<Long> cold = new ArrayList<>();
        deletes(fake, coldPostedAt).forEach((id, at) -> cold.add((at - coldPostedAt.get(id)) / 1000));
        Collections.sort(cold);

        List<Long> micros = new ArrayList<>();
        deletes(fake, postedAt).forEach((id, at) -> micros.add((at - postedAt.get(id)) / 1000));
        Collections.sort(micros);
        String report = String.format(
                Locale.ROOT,
                "MESSAGE_CREATE -> DELETE with real JDA over loopback, %d samples, background %.0f clean messages/s, 1,000 words%n"
                        + "  p50 %.2f ms   p90 %.2f ms   p99 %.2f ms   max %.2f ms%n"
                        + "  before them, the first %d s at this rate (cold start, %d samples): p50 %.2f ms   p99 %.2f ms   max %.2f ms%n",
                micros.size(),
                rate,
                pct(micros, 50),
                pct(micros, 90),
                pct(micros, 99),
                micros.get(micros.size() - 1) / 1000.0,
                WARMUP_SECONDS,
                cold.size(),
                pct(cold, 50),
                pct(cold, 99),
                cold.get(cold.size() - 1) / 1000.0);
        StringBuilder lanes = new StringBuilder(String.format(
                        Locale.ROOT,
                        "  CPU per gateway message: Warden (JDA, lanes, writers, processors) %.0f µs, fake Discord and load %.0f µs, "
                                + "other JVM threads %.0f µs (%,d messages)%n",
                        cpu.getOrDefault("warden", 0L) / 1e3 / gatewayMessages,
                        cpu.getOrDefault("fake", 0L) / 1e3 / gatewayMessages,
                        cpu.getOrDefault("other", 0L) / 1e3 / gatewayMessages,
                        gatewayMessages)
                + String.format(
                        Locale.ROOT,
                        "    of which JDA (gateway, REST) %.0f µs, guild lanes %.0f µs, writers and processors %.0f µs%n",
                        detail.getOrDefault("jda", 0L) / 1e3 / gatewayMessages,
                        detail.getOrDefault("lanes", 0L) / 1e3 / gatewayMessages,
                        detail.getOrDefault("events", 0L) / 1e3 / gatewayMessages));
        meters.find("warden.discord.work.task")
                .timers()
                .forEach(t -> lanes.append(String.format(
                        Locale.ROOT,
                        "  lane work %-22s %,8d tasks, mean %.1f µs, max %.1f ms%n",
                        t.getId().getTag("kind"),
                        t.count(),
                        t.mean(java.util.concurrent.TimeUnit.MICROSECONDS),
                        t.max(java.util.concurrent.TimeUnit.MILLISECONDS))));
        BenchmarkReport.print("delete-latency-" + BACKGROUND_PER_SECOND, report + lanes);
        BenchmarkReport.row(
                "delete-latency-" + BACKGROUND_PER_SECOND,
                String.format(
                        Locale.ROOT,
                        "MESSAGE_CREATE -> DELETE, %,.0f clean msg/s around it, p99 after %d s at that rate (Warden CPU per message)",
                        rate,
                        WARMUP_SECONDS),
                String.format(
                        Locale.ROOT,
                        "%.2f ms (%.0f µs)",
                        pct(micros, 99),
                        cpu.getOrDefault("warden", 0L) / 1e3 / gatewayMessages),
                "-",
                "-",
                "p99 < 25 ms at 1,000/s");
    }

    private static Map<Long, Long> deletes(FakeDiscord fake, Map<Long, Long> posted) {
        Map<Long, Long> at = new HashMap<>();
        for (RecordedRequest r : fake.requests("DELETE", "channels/" + channel + "/messages/\\d+")) {
            long id = Long.parseLong(r.path().substring(r.path().lastIndexOf('/') + 1));
            if (posted.containsKey(id)) at.put(id, r.atNanos());
        }
        return at;
    }

    private static double pct(List<Long> sorted, int p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, index)) / 1000.0;
    }

    private static void sleepNanos(long nanos) {
        try {
            Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
