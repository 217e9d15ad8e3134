package warden.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A guild's work runs in order; a full lane makes the hand-over wait (counted), never run the work out of turn. */
class GuildWorkTest {

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final GuildWork work = new GuildWork(
            new DiscordProperties(null, true, null, null, null, null, null, new DiscordProperties.Work(2, 3), null),
            meters);

    @AfterEach
    void stop() {
        work.destroy();
    }

    @Test
    void aFullLaneMakesTheCallerWaitAndKeepsTheOrder() throws Exception {
        long guild = 42;
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        List<Integer> done = Collections.synchronizedList(new ArrayList<>());
        work.run(guild, "blocker", () -> {
            running.countDown();
            hold(release);
        });
        assertThat(running.await(5, TimeUnit.SECONDS)).isTrue();
        for (int i = 0; i < 3; i++) {
            int n = i;
            work.run(guild, "queued", () -> done.add(n)); // fills the lane's queue of 3
        }
        Thread caller = new Thread(() -> {
            for (int i = 3; i < 10; i++) {
                int n = i;
                work.run(guild, "more", () -> done.add(n));
            }
        });
        caller.start();
        try {
            await().atMost(Duration.ofSeconds(5)).until(() -> caller.getState() == Thread.State.WAITING);
            assertThat(done).isEmpty(); // nothing ran ahead of the blocked task, not even on the caller's thread
            assertThat(meters.counter("warden.discord.work.waits").count()).isEqualTo(1.0);
        } finally {
            release.countDown();
        }
        caller.join(TimeUnit.SECONDS.toMillis(5));
        await().atMost(Duration.ofSeconds(5)).until(() -> done.size() == 10);
        assertThat(done).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
        assertThat(meters.counter("warden.discord.work.waits").count()).isGreaterThanOrEqualTo(1.0);
    }

    @Test
    void aFailingTaskIsCountedAndTheLaneGoesOn() {
        List<String> done = Collections.synchronizedList(new ArrayList<>());
        work.run(7, "boom", () -> {
            throw new IllegalStateException("expected in this test");
        });
        work.run(7, "next", () -> done.add("next"));
        await().atMost(Duration.ofSeconds(5)).until(() -> done.contains("next"));
        assertThat(meters.counter("warden.discord.work.failures").count()).isEqualTo(1.0);
    }

    private static void hold(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
