package warden.bench;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import warden.common.Actor;
import warden.common.ChannelId;
import warden.common.GuildId;
import warden.discord.FakeDiscordProperties;
import warden.fakediscord.FakeDiscord;
import warden.fakediscord.FakeDiscordExtension;
import warden.fakediscord.Permission;
import warden.fakediscord.RecordedRequest;
import warden.fakediscord.World;
import warden.interserver.CreateFrequency;
import warden.interserver.FrequencyKey;
import warden.interserver.FrequencySecret;
import warden.interserver.LinkChannel;
import warden.platform.testing.WardenSpringTest;

/**
 * Load harness: one message in a frequency of eleven channels (eleven servers) is relayed to the ten others; the
 * figure is the time from MESSAGE_CREATE to the tenth webhook request, with real JDA over loopback.
 */
@Tag("benchmark")
@WardenSpringTest
@DirtiesContext
class FanOutBenchmark {

    private static final int CHANNELS = 11;
    private static final int SAMPLES = Integer.getInteger("bench.samples", 100);
    static final List<long[]> guildChannel = new ArrayList<>();
    static long author;

    @RegisterExtension
    static final FakeDiscordExtension DISCORD = new FakeDiscordExtension(world -> {
        for (int i = 0; i < CHANNELS; i++) {
            World.GuildSpec g = world.guild("Server " + i);
            long channel = g.channel("bridge");
            long member = g.member("member" + i);
            if (i == 0) author = member;
            g.owner(g.member("owner" + i));
            g.withWarden(Permission.MODERATION_BOT, 5);
            guildChannel.add(new long[] {g.id(), channel});
        }
    });

    @DynamicPropertySource
    static void discord(DynamicPropertyRegistry registry) {
        FakeDiscordProperties.register(registry, DISCORD);
        registry.add("logging.level.root", () -> "WARN");
    }

    @Autowired
    CommandGateway commands;

    @Autowired
    warden.interserver.LinkDirectory links;

    @Test
    void oneMessageToTenChannels() throws Exception {
        FakeDiscord fake = DISCORD.discord();
        FrequencyKey key = FrequencyKey.ofSecret(FrequencySecret.generate());
        Actor admin = Actor.system("bench");
        commands.sendAndWait(new CreateFrequency(
                key,
                GuildId.of(guildChannel.get(0)[0]),
                ChannelId.of(guildChannel.get(0)[1]),
                admin,
                Instant.now()));
        for (int i = 1; i < CHANNELS; i++) {
            commands.sendAndWait(new LinkChannel(
                    key,
                    GuildId.of(guildChannel.get(i)[0]),
                    ChannelId.of(guildChannel.get(i)[1]),
                    admin,
                    Instant.now()));
        }
        long lastChannel = guildChannel.get(CHANNELS - 1)[1];
        org.awaitility.Awaitility.await()
                .atMost(Duration.ofSeconds(10))
                .until(() -> links.linkOf(ChannelId.of(lastChannel)).isPresent());
        long[] origin = guildChannel.get(0);
        List<Long> micros = new ArrayList<>();
        for (int i = 0; i < SAMPLES + 10; i++) { // the first 10 warm up (and create the webhooks)
            String text = "fan-out " + i;
            long posted = System.nanoTime();
            fake.postMessage(origin[0], origin[1], author, text);
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> copies(fake, text).size() == CHANNELS - 1);
            long last = copies(fake, text).stream()
                    .mapToLong(RecordedRequest::atNanos)
                    .max()
                    .orElseThrow();
            if (i >= 10) micros.add((last - posted) / 1000);
        }
        Collections.sort(micros);
        String report = String.format(
                Locale.ROOT,
                "One message relayed to %d channels (MESSAGE_CREATE -> last webhook request), %d samples%n"
                        + "  p50 %.2f ms   p90 %.2f ms   p99 %.2f ms   max %.2f ms%n",
                CHANNELS - 1,
                micros.size(),
                pct(micros, 50),
                pct(micros, 90),
                pct(micros, 99),
                micros.get(micros.size() - 1) / 1000.0);
        BenchmarkReport.print("interserver-fan-out", report);
        BenchmarkReport.row(
                "interserver-fan-out",
                "interserver message to " + (CHANNELS - 1) + " channels, p99",
                String.format(Locale.ROOT, "%.2f ms", pct(micros, 99)),
                "-",
                "-",
                "-");
    }

    private static List<RecordedRequest> copies(FakeDiscord fake, String text) {
        return fake.requests("POST", "webhooks/\\d+/[^/]+").stream()
                .filter(r -> text.equals(r.text("content")))
                .toList();
    }

    private static double pct(List<Long> sorted, int p) {
        return sorted.get(Math.max(0, (int) Math.ceil(p / 100.0 * sorted.size()) - 1)) / 1000.0;
    }
}
