package warden.platform;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.axonframework.common.AxonThreadFactory;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * The executor of a pooled streaming processor's coordinator, woken by each batch its work packages commit.
 * <p>
 * Axon's coordinator (4.13) stops handing out events as soon as one work package holds 1,024 of them and looks
 * again 100 ms later, whatever happens meanwhile: nothing in Axon calls it back when the packages drain. During a
 * replay the packages drained in less than that and then all four waited together (thread dumps: the four work
 * package threads idle in half the samples, the coordinator asleep in that pause in half of its own, the cores 40 %
 * idle). So a pause shorter than {@value #WAKEABLE_BELOW_MILLIS} ms that the coordinator schedules for itself ends
 * early when {@link #wake()} is called: the coordinator looks at its packages again, which it does at any time
 * anyway, and pauses again if they are still full. Longer pauses keep their time: the back-off after an error
 * (1 s and more) must not turn into a retry loop.
 */
public final class WakeableCoordinatorExecutor extends ScheduledThreadPoolExecutor {

    static final long WAKEABLE_BELOW_MILLIS = 1_000;
    private static final String WAKE_UP_REGISTERED = WakeableCoordinatorExecutor.class.getName() + ".wakeUp";

    private final Queue<Pause> pauses = new ConcurrentLinkedQueue<>();
    private final AtomicLong wakeUps = new AtomicLong();

    public WakeableCoordinatorExecutor(String processor) {
        super(1, new AxonThreadFactory("Coordinator[" + processor + "]"));
        setRemoveOnCancelPolicy(true);
        setExecuteExistingDelayedTasksAfterShutdownPolicy(false); // a stopped processor's coordinator looks at nothing
    }

    @Override
    public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
        if (delay <= 0 || unit.toMillis(delay) >= WAKEABLE_BELOW_MILLIS) return super.schedule(command, delay, unit);
        Pause pause = new Pause(command);
        pauses.add(pause);
        pause.timer = super.schedule(pause, delay, unit);
        return pause.timer;
    }

    /** Ends every short pause now: its task runs at once (and not again when its time comes). */
    public void wake() {
        wakeUps.incrementAndGet();
        for (Pause pause; (pause = pauses.poll()) != null; ) {
            if (!pause.claim()) continue;
            ScheduledFuture<?> timer = pause.timer;
            if (timer != null) timer.cancel(false);
            try {
                execute(pause.command);
            } catch (RejectedExecutionException stopped) {
                return; // shut down with its processor while a last batch committed: no coordinator left to wake
            }
        }
    }

    /** How often {@link #wake()} was called (each batch committed), whether or not a pause was pending. */
    public long wakeUps() {
        return wakeUps.get();
    }

    /** Wakes this executor's coordinator after each batch of events the processor commits. */
    public MessageHandlerInterceptor<EventMessage<?>> wakeAfterEachBatch() {
        return new MessageHandlerInterceptor<>() {
            @Override
            public Object handle(UnitOfWork<? extends EventMessage<?>> unitOfWork, InterceptorChain chain)
                    throws Exception {
                UnitOfWork<?> batch = unitOfWork.root();
                batch.getOrComputeResource(WAKE_UP_REGISTERED, key -> {
                    batch.afterCommit(committed -> wake());
                    return Boolean.TRUE;
                });
                return chain.proceed();
            }
        };
    }

    /** A pause's task, run by whichever comes first: its timer or a wake-up. */
    private final class Pause implements Runnable {
        private final Runnable command;
        private final AtomicBoolean claimed = new AtomicBoolean();
        private volatile ScheduledFuture<?> timer;

        Pause(Runnable command) {
            this.command = command;
        }

        boolean claim() {
            return claimed.compareAndSet(false, true);
        }

        @Override
        public void run() {
            if (!claim()) return;
            pauses.remove(this);
            command.run();
        }
    }
}
