package warden.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A coordinator's short pause ends when a batch is committed; long pauses (an error's back-off) keep their time; a
 * pause's task runs once. The executor has one thread and runs due tasks in the order they were scheduled, so a
 * marker task submitted after a wake-up has run once the woken task has: no test here waits for a pause to end.
 */
class WakeableCoordinatorExecutorTest {

    private final WakeableCoordinatorExecutor executor = new WakeableCoordinatorExecutor("test");
    private final AtomicInteger runs = new AtomicInteger();
    /** A coordination task: Axon's coordinator schedules runnables. */
    private final Runnable coordinate = runs::incrementAndGet;

    @AfterEach
    void stop() {
        executor.shutdownNow();
    }

    /** Returns once every task due so far has run: a marker queued behind them on the one thread has. */
    private void runTasksQueuedSoFar() throws Exception {
        executor.submit(() -> {}).get();
    }

    @Test
    void aShortPauseEndsWhenWoken() throws Exception {
        ScheduledFuture<?> pause = executor.schedule(coordinate, 900, TimeUnit.MILLISECONDS);

        executor.wake();
        runTasksQueuedSoFar();

        assertThat(runs).hasValue(1);
        assertThat(pause.isCancelled()).isTrue();
        assertThat(executor.getQueue()).as("the pause's timer is gone").isEmpty();
    }

    @Test
    void aLongPauseKeepsItsTime() throws Exception {
        ScheduledFuture<?> backOff = executor.schedule(coordinate, 1, TimeUnit.SECONDS);

        executor.wake();
        runTasksQueuedSoFar();

        assertThat(runs).hasValue(0);
        assertThat(backOff.isDone()).isFalse();
    }

    @Test
    void aPauseThatEndedByItselfIsNotRunAgainByAWakeUp() throws Exception {
        CountDownLatch ended = new CountDownLatch(1);
        executor.schedule(
                () -> {
                    runs.incrementAndGet();
                    ended.countDown();
                },
                1,
                TimeUnit.MILLISECONDS);
        assertThat(ended.await(10, TimeUnit.SECONDS)).isTrue();

        executor.wake();
        runTasksQueuedSoFar();

        assertThat(runs).hasValue(1);
    }

    /** A batch that commits while its processor stops must not fail in its after-commit phase. */
    @Test
    void aWakeUpAfterShutdownIsQuiet() {
        executor.schedule(coordinate, 900, TimeUnit.MILLISECONDS);
        executor.shutdown();

        executor.wake();

        assertThat(runs).hasValue(0);
        assertThat(executor.isShutdown()).isTrue();
    }

    @Test
    void aCommittedBatchWakesTheCoordinatorNotBefore() throws Exception {
        executor.schedule(coordinate, 900, TimeUnit.MILLISECONDS);
        DefaultUnitOfWork<EventMessage<?>> batch =
                DefaultUnitOfWork.startAndGet(GenericEventMessage.asEventMessage("an event"));
        var interceptor = executor.wakeAfterEachBatch();

        interceptor.handle(batch, () -> null);
        interceptor.handle(batch, () -> null); // a second event of the batch
        runTasksQueuedSoFar();
        assertThat(runs).as("before the commit").hasValue(0);

        batch.commit();
        runTasksQueuedSoFar();
        assertThat(runs).as("after the commit").hasValue(1);
    }
}
