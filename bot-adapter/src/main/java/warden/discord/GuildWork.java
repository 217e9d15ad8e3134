package warden.discord;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.stereotype.Component;

/**
 * Where every piece of Discord work runs. JDA's threads only hand events over: a guild's work (moderating a
 * message, answering a command, relaying, syncing AutoMod) runs on one lane, chosen by the guild, in the order it
 * was handed over, so one member's infractions are recorded in the order Discord delivered them. Lanes are
 * single-threaded and bounded.
 * <p>
 * When a lane is full the thread handing work over <em>waits</em> for room: back-pressure reaches the gateway,
 * whose reading pauses, and Discord keeps the events meanwhile. Nothing is dropped and nothing runs out of order
 * (a JDA heartbeat is only missed after about 40 seconds of waiting). Each wait is counted and timed
 * ({@code warden.discord.work.waits}, {@code warden.discord.work.wait}) and logged at most every ten seconds.
 */
@Component
@ConditionalOnDiscord
public class GuildWork implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(GuildWork.class);
    private static final long LOG_EVERY_NANOS = TimeUnit.SECONDS.toNanos(10);

    private final ThreadPoolTaskExecutor[] lanes;
    private final Counter waits;
    private final Timer waited;
    private final Counter failures;
    private final Counter rejected;
    private final MeterRegistry meters;
    private final java.util.Map<String, Timer> timers = new java.util.concurrent.ConcurrentHashMap<>();
    private final AtomicLong lastWarning = new AtomicLong(System.nanoTime() - LOG_EVERY_NANOS);

    public GuildWork(DiscordProperties properties, MeterRegistry meters) {
        this.meters = meters;
        DiscordProperties.Work work = properties.work();
        lanes = new ThreadPoolTaskExecutor[work.lanes()];
        for (int i = 0; i < lanes.length; i++) {
            ThreadPoolTaskExecutor lane = new ThreadPoolTaskExecutor();
            lane.setCorePoolSize(1);
            lane.setMaxPoolSize(1);
            lane.setQueueCapacity(work.queue());
            lane.setThreadNamePrefix("guild-work-" + i + "-");
            lane.setPrestartAllCoreThreads(true);
            lane.setWaitForTasksToCompleteOnShutdown(true);
            lane.setAwaitTerminationSeconds(30);
            lane.setRejectedExecutionHandler(this::waitForRoom);
            lane.initialize();
            lanes[i] = lane;
        }
        waits = Counter.builder("warden.discord.work.waits")
                .description("hand-overs that waited for room in a full lane")
                .register(meters);
        waited = Timer.builder("warden.discord.work.wait")
                .description("time spent waiting for room in a full lane")
                .register(meters);
        failures = Counter.builder("warden.discord.work.failures")
                .description("Discord work that threw")
                .register(meters);
        rejected = Counter.builder("warden.discord.work.rejected")
                .description("work handed over after shutdown")
                .register(meters);
        Gauge.builder("warden.discord.work.queued", this, GuildWork::queued)
                .description("work waiting in all lanes")
                .register(meters);
    }

    /** Runs {@code task} on the guild's lane, after the guild's work handed over before it. */
    public void run(long guildId, String what, Runnable task) {
        Timer timer = timers.computeIfAbsent(
                what,
                kind -> Timer.builder("warden.discord.work.task")
                        .tag("kind", kind)
                        .description("time a piece of Discord work took on its lane")
                        .register(meters));
        lane(guildId).execute(() -> {
            long started = System.nanoTime();
            try {
                task.run();
            } catch (RuntimeException e) {
                failures.increment();
                log.error("Discord work '{}' of guild {} failed", what, guildId, e);
            } finally {
                timer.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
            }
        });
    }

    /** The guild's lane, to continue asynchronous work (a JDA callback) in order with the guild's other work. */
    public Executor executor(long guildId, String what) {
        return task -> run(guildId, what, task);
    }

    private ThreadPoolTaskExecutor lane(long guildId) {
        return lanes[Math.floorMod(Long.hashCode(guildId), lanes.length)];
    }

    private void waitForRoom(Runnable task, ThreadPoolExecutor lane) {
        if (lane.isShutdown()) {
            rejected.increment();
            throw new RejectedExecutionException("Warden is shutting down");
        }
        waits.increment();
        long now = System.nanoTime();
        long last = lastWarning.get();
        if (now - last >= LOG_EVERY_NANOS && lastWarning.compareAndSet(last, now)) {
            log.warn(
                    "A Discord work lane is full ({} queued in all lanes): intake waits for room (back-pressure)",
                    queued());
        }
        try {
            lane.getQueue().put(task);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            rejected.increment();
            throw new RejectedExecutionException("interrupted while waiting for room", e);
        } finally {
            waited.record(System.nanoTime() - now, TimeUnit.NANOSECONDS);
        }
    }

    private double queued() {
        long total = 0;
        for (ThreadPoolTaskExecutor lane : lanes) total += lane.getQueueSize();
        return total;
    }

    @Override
    public void destroy() {
        for (ThreadPoolTaskExecutor lane : lanes) lane.shutdown();
    }
}
