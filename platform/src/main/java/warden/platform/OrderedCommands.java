package warden.platform;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.transaction.TransactionManager;
import warden.platform.CommandBatchWriter.Pending;

/**
 * Sends commands without making the sender wait for the database, keeping the order of the commands that share a
 * key (a member: their infractions are recorded in the order they were found). Each key always goes to the same
 * writer thread; several writers run at once, so their commits share PostgreSQL's WAL flushes (group commit)
 * instead of queueing behind one another.
 * <p>
 * What has queued up behind a writer is written together: up to {@code batch} commands in one unit of work and one
 * transaction, so their events go to the store in one batch and one commit ({@link CommandBatchWriter}: a bad
 * command only fails itself).
 * <p>
 * A command that fails because PostgreSQL is unreachable is retried, in place, until it is written (the writer's
 * later commands wait behind it, so the order holds); its writer's queue then fills and {@link #send} makes the
 * sender wait: back-pressure instead of loss. Any other failure completes the command's future exceptionally.
 */
public final class OrderedCommands implements AutoCloseable {

    private final CommandBatchWriter writer;
    private final int batch;
    private final BlockingQueue<Pending>[] queues;
    private final Thread[] writers;
    private volatile boolean running = true;

    /**
     * @param name           names the writer threads and tags the meters ({@code writers=<name>}): several instances may run
     * @param retryOutages   whether a command is retried in place while PostgreSQL is unreachable (senders that hand over
     *                       and go on), or fails at once with the outage
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public OrderedCommands(
            String name,
            CommandGateway commands,
            TransactionManager transactions,
            int writers,
            int queue,
            int batch,
            boolean retryOutages,
            MeterRegistry meters) {
        this.writer = new CommandBatchWriter(name, commands, transactions, retryOutages, meters);
        this.batch = Math.max(1, batch);
        this.queues = new BlockingQueue[writers];
        this.writers = new Thread[writers];
        for (int i = 0; i < writers; i++) {
            BlockingQueue<Pending> pending = new ArrayBlockingQueue<>(queue);
            queues[i] = pending;
            Thread thread = new Thread(() -> write(pending), name + "-writer-" + i);
            thread.setDaemon(true);
            this.writers[i] = thread;
            thread.start();
        }
        Gauge.builder("warden.commands.queued", this, OrderedCommands::queued)
                .description("commands waiting to be written")
                .tag("writers", name)
                .register(meters);
    }

    /** Queues {@code command} behind the earlier commands of {@code key}; waits for room when the writer is full. */
    public CompletableFuture<Object> send(Object key, Object command) {
        if (!running) throw new RejectedExecutionException("Warden is shutting down");
        Pending pending = new Pending(command);
        try {
            queues[Math.floorMod(key.hashCode(), queues.length)].put(pending);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RejectedExecutionException("interrupted while waiting for room", e);
        }
        return pending.result();
    }

    private void write(BlockingQueue<Pending> pending) {
        List<Pending> taken = new ArrayList<>(batch);
        while (true) {
            Pending next;
            try {
                next = running ? pending.take() : pending.poll();
            } catch (InterruptedException stopping) {
                next = pending.poll();
            }
            if (next == null) {
                if (!running) return;
                continue;
            }
            taken.clear();
            taken.add(next);
            pending.drainTo(taken, batch - 1);
            writer.write(taken);
        }
    }

    private double queued() {
        long total = 0;
        for (BlockingQueue<Pending> queue : queues) total += queue.size();
        return total;
    }

    /** Writes what is queued, then stops (at most 30 seconds). */
    @Override
    public void close() {
        running = false;
        writer.stop();
        for (Thread thread : writers) thread.interrupt();
        try {
            for (Thread thread : writers) thread.join(30_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
