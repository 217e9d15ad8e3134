package warden.raid;

import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.time.Instant;
import java.util.Deque;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import warden.discord.ConditionalOnDiscord;
import warden.platform.Commands;
import warden.platform.DatabaseOutage;

/**
 * Raid commands (a raid started, an account joined during it) written even while the database is away: a raid does
 * not wait for PostgreSQL. A command that cannot be stored for an outage is kept in memory, in order, behind any
 * other kept before it, and written once the database answers again (every two seconds it is tried). For a while
 * after an outage is seen, commands are kept without trying, so that a raid's joins do not each wait for the pool's
 * five-second timeout. At most {@link #MAX_KEPT} are kept; beyond, the oldest joins are counted as lost in the log.
 */
@Component
@ConditionalOnDiscord
class RaidRecords {

    private static final Logger log = LoggerFactory.getLogger(RaidRecords.class);
    static final int MAX_KEPT = 100_000;
    private static final Duration ASSUME_DOWN = Duration.ofSeconds(10);

    private final Commands commands;
    private final Deque<Object> kept = new ConcurrentLinkedDeque<>();
    private final AtomicInteger lost = new AtomicInteger();
    private volatile Instant downUntil = Instant.MIN;
    private final ScheduledExecutorService rounds = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "raid-records");
        thread.setDaemon(true);
        return thread;
    });

    RaidRecords(Commands commands) {
        this.commands = commands;
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        rounds.scheduleWithFixedDelay(this::flush, 2, 2, TimeUnit.SECONDS);
    }

    @PreDestroy
    void stop() {
        rounds.shutdownNow();
    }

    /** Whether the database was seen away lately: callers skip what would only wait for it. */
    boolean databaseAway() {
        return Instant.now().isBefore(downUntil);
    }

    /** The database was seen away (by a query, say). */
    void away() {
        downUntil = Instant.now().plus(ASSUME_DOWN);
    }

    /**
     * Stores the command, or keeps it for later when the database is away; a refusal (raid already on) is thrown as
     * before. Answers the command's result, or null when it was kept.
     */
    Object send(Object command) {
        if (!kept.isEmpty() || databaseAway()) {
            keep(command);
            return null;
        }
        try {
            return commands.sendAndWait(command);
        } catch (RuntimeException e) {
            if (!DatabaseOutage.causes(e)) throw e;
            away();
            keep(command);
            return null;
        }
    }

    private void keep(Object command) {
        if (kept.isEmpty()) log.warn("The database is away: raid records are kept in memory until it is back");
        kept.addLast(command);
        while (kept.size() > MAX_KEPT && kept.pollFirst() != null) lost.incrementAndGet();
    }

    synchronized void flush() {
        if (lost.get() > 0)
            log.warn("{} raid records were lost: more than {} waited for the database", lost.getAndSet(0), MAX_KEPT);
        int written = 0;
        for (Object command; (command = kept.peekFirst()) != null; ) {
            try {
                commands.sendAndWait(command);
                written++;
            } catch (RuntimeException e) {
                if (DatabaseOutage.causes(e)) {
                    away();
                    break;
                }
                log.warn("A raid record kept during an outage was refused once written: {}", e.getMessage());
            }
            kept.pollFirst();
        }
        if (written > 0) log.info("{} raid records kept during the outage are now stored", written);
    }
}
