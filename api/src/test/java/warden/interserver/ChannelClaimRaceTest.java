package warden.interserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.RepeatedTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import warden.common.Actor;
import warden.common.ChannelId;
import warden.common.CommandRefusedException;
import warden.common.GuildId;
import warden.common.UserId;
import warden.platform.testing.WardenSpringTest;

/**
 * Two frequencies try to take the same channel at the same instant: exactly one link is stored, the other is
 * refused with a clear reason, and the read model holds exactly what the event store holds.
 */
@WardenSpringTest
class ChannelClaimRaceTest {

    private static final AtomicLong IDS = new AtomicLong(500);
    private static final Actor MOD = Actor.moderator(UserId.of(9));

    @Autowired
    CommandGateway commands;

    @Autowired
    JdbcClient db;

    @RepeatedTest(5)
    void oneOfTwoConcurrentLinksOfAChannelWins() throws Exception {
        long n = IDS.addAndGet(10);
        FrequencyKey first = FrequencyKey.ofSecret(FrequencySecret.generate());
        FrequencyKey second = FrequencyKey.ofSecret(FrequencySecret.generate());
        commands.sendAndWait(new CreateFrequency(first, GuildId.of(n), ChannelId.of(n * 100 + 1), MOD, Instant.now()));
        commands.sendAndWait(
                new CreateFrequency(second, GuildId.of(n + 1), ChannelId.of(n * 100 + 2), MOD, Instant.now()));
        GuildId contested = GuildId.of(n + 2);
        ChannelId channel = ChannelId.of(n * 100 + 3);

        ExecutorService threads = Executors.newFixedThreadPool(2);
        CountDownLatch go = new CountDownLatch(1);
        List<CompletableFuture<String>> outcomes = new ArrayList<>();
        for (FrequencyKey frequency : List.of(first, second)) {
            outcomes.add(CompletableFuture.supplyAsync(
                    () -> {
                        try {
                            go.await();
                            commands.sendAndWait(new LinkChannel(frequency, contested, channel, MOD, Instant.now()));
                            return "linked";
                        } catch (CommandRefusedException e) {
                            return e.code();
                        } catch (InterruptedException e) {
                            throw new IllegalStateException(e);
                        }
                    },
                    threads));
        }
        go.countDown();
        List<String> results =
                outcomes.stream().map(CompletableFuture::join).sorted().toList();
        threads.shutdown();

        assertThat(results).containsExactly("error.frequency.otherFrequency", "linked");
        long stored = db.sql("""
                        select count(*) from domainevententry
                        where payloadtype = 'warden.interserver.ChannelLinked' and convert_from(payload, 'UTF8') like ?""")
                .param("%\"channel\":\"" + channel + "\"%")
                .query(Long.class)
                .single();
        assertThat(stored).isEqualTo(1);
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(db.sql(
                                        "select count(*) from interserver_link where channel_id = ? and unlinked_at is null")
                                .param(channel.value())
                                .query(Long.class)
                                .single())
                        .isEqualTo(1));
        assertThat(db.sql("select count(*) from interserver_channel_claim where channel_id = ?")
                        .param(channel.value())
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }
}
