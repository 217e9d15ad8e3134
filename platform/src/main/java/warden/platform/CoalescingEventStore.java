package warden.platform;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;

/**
 * Axon's embedded event store, waking its reader at most once per {@code interval} after commits. Axon's reader
 * queries the store when told of every commit: it reads what is new, then reads again until it finds nothing (three
 * transactions and five queries), so commits of one event each (a REST sender, a quiet guild) paid that whole round,
 * about 0.3 ms of CPU, per event. Told at most once per interval, it reads every commit of the interval in one round.
 * A commit after a quiet interval still wakes the reader at once: only commits that follow each other closely wait,
 * and for at most the interval.
 */
public class CoalescingEventStore extends EmbeddedEventStore {

    private final long intervalNanos;
    private final AtomicBoolean signalDue = new AtomicBoolean();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "event-store-signal");
        thread.setDaemon(true);
        return thread;
    });
    private volatile long lastSignal = System.nanoTime() - Long.MAX_VALUE / 2;

    public CoalescingEventStore(Builder builder, Duration interval) {
        super(builder);
        this.intervalNanos = interval.toNanos();
    }

    @Override
    protected void afterCommit(List<? extends EventMessage<?>> events) {
        // the signal already due is sent after this commit, so the read it starts sees this commit's events
        if (signalDue.get()) return;
        long wait = lastSignal + intervalNanos - System.nanoTime();
        if (wait <= 0) {
            signal();
        } else if (signalDue.compareAndSet(false, true)) {
            timer.schedule(
                    () -> {
                        signalDue.set(false);
                        signal();
                    },
                    wait,
                    TimeUnit.NANOSECONDS);
        }
    }

    private void signal() {
        lastSignal = System.nanoTime();
        super.afterCommit(List.of());
    }

    @Override
    public void shutDown() {
        timer.shutdownNow();
        super.shutDown();
    }
}
