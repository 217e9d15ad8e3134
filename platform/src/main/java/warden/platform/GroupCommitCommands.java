package warden.platform;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.modelling.command.CommandTargetResolver;

/**
 * Commands whose senders wait for them (the REST API). Senders waiting at the same time have their commands written
 * together: one transaction and one commit for all, then each sender answered, so "acknowledged" still means "durable"
 * while the commits, and their WAL flushes, are shared. The commands of one aggregate keep their order (one lane per
 * aggregate identifier); a command that fails fails alone (its batch is written again one command at a time).
 * <p>
 * There is no writer thread: a sender whose lane is free writes, on its own thread, every command queued in the lane
 * (its own among them), and the senders that queued meanwhile wait for it (flat combining). A lone sender therefore
 * writes its command itself, as if it called the command bus, instead of handing it to another thread and waiting to
 * be woken: that hand-over cost a lone sender about a fifth of its time on two cores.
 */
public final class GroupCommitCommands {

    private static final class Lane {
        final ConcurrentLinkedQueue<Waiting> queue = new ConcurrentLinkedQueue<>();
        final ReentrantLock writing = new ReentrantLock();
    }

    private record Waiting(CommandBatchWriter.Pending pending, Thread sender) {}

    private final CommandBatchWriter writer;
    private final Lane[] lanes;
    private final int batch;
    private final CommandTargetResolver targets;

    /**
     * @param lanes  how many batches may be written at once (each by one sender); one lets every sender waiting at the
     *               same time meet in one batch
     * @param batch  the most commands written in one transaction
     */
    public GroupCommitCommands(
            String name,
            CommandTargetResolver targets,
            CommandGateway commands,
            TransactionManager transactions,
            int lanes,
            int batch,
            MeterRegistry meters) {
        this.targets = targets;
        this.writer = new CommandBatchWriter(name, commands, transactions, false, meters);
        this.batch = Math.max(1, batch);
        this.lanes = new Lane[Math.max(1, lanes)];
        for (int i = 0; i < this.lanes.length; i++) this.lanes[i] = new Lane();
        Gauge.builder("warden.commands.queued", this, GroupCommitCommands::queued)
                .description("commands waiting to be written")
                .tag("writers", name)
                .register(meters);
    }

    /** The command's result once its transaction is committed; its failure as the command bus would have thrown it. */
    @SuppressWarnings("unchecked")
    public <R> R sendAndWait(Object command, long timeout, TimeUnit unit) {
        // a batch written inside the caller's unit of work would commit other senders' commands with the caller's
        if (CurrentUnitOfWork.isStarted())
            throw new IllegalStateException("a waiting sender must not be inside a unit of work");
        Lane lane = lanes[Math.floorMod(key(command).hashCode(), lanes.length)];
        CommandBatchWriter.Pending mine = new CommandBatchWriter.Pending(command);
        lane.queue.add(new Waiting(mine, Thread.currentThread()));
        long deadline = System.nanoTime() + unit.toNanos(timeout);
        while (!mine.result().isDone()) {
            if (lane.writing.tryLock()) {
                try {
                    writeQueued(lane);
                } finally {
                    lane.writing.unlock();
                }
                // a sender that queued while the lane was taken, and was not in the batch, writes next
                Waiting next = lane.queue.peek();
                if (next != null) LockSupport.unpark(next.sender());
                continue;
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new IllegalStateException(
                        command.getClass().getSimpleName() + " not written within " + timeout + " " + unit);
            }
            LockSupport.parkNanos(this, left);
            if (Thread.interrupted()) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(
                        "interrupted while waiting for " + command.getClass().getSimpleName());
            }
        }
        try {
            return (R) mine.result().get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) throw failure;
            if (e.getCause() instanceof Error error) throw error;
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(
                    "interrupted while waiting for " + command.getClass().getSimpleName(), e);
        }
    }

    /** Writes up to {@code batch} queued commands, in queue order, and wakes their senders. */
    private void writeQueued(Lane lane) {
        List<Waiting> taken = new ArrayList<>();
        for (Waiting next; taken.size() < batch && (next = lane.queue.poll()) != null; ) taken.add(next);
        if (taken.isEmpty()) return;
        List<CommandBatchWriter.Pending> pending = new ArrayList<>(taken.size());
        for (Waiting waiting : taken) pending.add(waiting.pending());
        try {
            writer.write(pending);
        } finally {
            for (Waiting waiting : taken) {
                // an Error thrown while writing must not leave a sender waiting for its whole timeout
                waiting.pending().result().completeExceptionally(new RejectedExecutionException("not written"));
                if (waiting.sender() != Thread.currentThread()) LockSupport.unpark(waiting.sender());
            }
        }
    }

    private double queued() {
        long total = 0;
        for (Lane lane : lanes) total += lane.queue.size();
        return total;
    }

    /** The aggregate the command targets, so that one aggregate's commands stay in order in one lane. */
    private Object key(Object command) {
        try {
            return targets.resolveTarget(GenericCommandMessage.asCommandMessage(command))
                    .getIdentifier();
        } catch (IllegalArgumentException noTarget) {
            return command.getClass();
        }
    }
}
