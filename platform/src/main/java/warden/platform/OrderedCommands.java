package warden.platform;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.messaging.GenericMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;

/**
 * Sends commands without making the sender wait for the database, keeping the order of the commands that share a
 * key (a member: their infractions are recorded in the order they were found). Each key always goes to the same
 * writer thread; several writers run at once, so their commits share PostgreSQL's WAL flushes (group commit)
 * instead of queueing behind one another.
 * <p>
 * What has queued up behind a writer is written together: up to {@code batch} commands in one unit of work and one
 * transaction, so their events go to the store in one batch and one commit. Each command still runs in its own
 * nested unit of work, in order; no future completes before the commit. If one command of a batch fails, the whole
 * transaction rolls back (Axon evicts the aggregates it touched from the cache) and the batch is written again one
 * command at a time, so a bad command only fails itself.
 * <p>
 * A command that fails because PostgreSQL is unreachable is retried, in place, until it is written (the writer's
 * later commands wait behind it, so the order holds); its writer's queue then fills and {@link #send} makes the
 * sender wait: back-pressure instead of loss. Any other failure completes the command's future exceptionally.
 */
public final class OrderedCommands implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(OrderedCommands.class);
    private static final long MAX_BACKOFF_MILLIS = 5_000;

    private record Pending(Object command, CompletableFuture<Object> result) {
    }

    private final CommandGateway commands;
    private final TransactionManager transactions;
    private final int batch;
    private final boolean retryOutages;
    private final BlockingQueue<Pending>[] queues;
    private final Thread[] writers;
    private final Counter retries;
    private final DistributionSummary batches;
    private volatile boolean running = true;

    /**
     * @param name           names the writer threads and tags the meters ({@code writers=<name>}): several instances may run
     * @param retryOutages   whether a command is retried in place while PostgreSQL is unreachable (senders that hand over
     *                       and go on), or fails at once with the outage (senders that wait and can answer "try again")
     */
    @SuppressWarnings("unchecked")
    public OrderedCommands(String name, CommandGateway commands, TransactionManager transactions, int writers, int queue, int batch,
                           boolean retryOutages, MeterRegistry meters) {
        this.commands = commands;
        this.transactions = transactions;
        this.batch = Math.max(1, batch);
        this.retryOutages = retryOutages;
        this.queues = new BlockingQueue[writers];
        this.writers = new Thread[writers];
        this.retries = Counter.builder("warden.commands.retries").description("commands retried while the database was unreachable")
                .tag("writers", name).register(meters);
        this.batches = DistributionSummary.builder("warden.commands.batch").description("commands written in one transaction")
                .tag("writers", name).register(meters);
        for (int i = 0; i < writers; i++) {
            BlockingQueue<Pending> pending = new ArrayBlockingQueue<>(queue);
            queues[i] = pending;
            Thread writer = new Thread(() -> write(pending), name + "-writer-" + i);
            writer.setDaemon(true);
            this.writers[i] = writer;
            writer.start();
        }
        Gauge.builder("warden.commands.queued", this, OrderedCommands::queued).description("commands waiting to be written")
                .tag("writers", name).register(meters);
    }

    /** Queues {@code command} behind the earlier commands of {@code key}; waits for room when the writer is full. */
    public CompletableFuture<Object> send(Object key, Object command) {
        if (!running) throw new RejectedExecutionException("Warden is shutting down");
        Pending pending = new Pending(command, new CompletableFuture<>());
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
            if (taken.size() == 1 || !writeTogether(taken)) {
                for (Pending one : taken) writeAlone(one);
            }
        }
    }

    private void writeAlone(Pending pending) {
        try {
            pending.result().complete(sendUntilWritten(pending.command()));
        } catch (RuntimeException e) {
            pending.result().completeExceptionally(e);
        }
    }

    /** True when the whole batch is written and its futures completed; false to write it again one by one. */
    private boolean writeTogether(List<Pending> taken) {
        long backoff = 100;
        while (true) {
            List<Object> results = new ArrayList<>(taken.size());
            UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(GenericMessage.asMessage("ordered command batch"));
            try {
                unitOfWork.attachTransaction(transactions);
                for (Pending one : taken) results.add(commands.sendAndWait(one.command()));
                unitOfWork.commit();
            } catch (RuntimeException e) {
                if (unitOfWork.isActive()) unitOfWork.rollback(e);
                if (!DatabaseOutage.causes(e) || !running || !retryOutages) return false;
                retries.increment();
                log.warn("Database unreachable, retrying {} commands in {} ms: {}", taken.size(), backoff, e.getMessage());
                sleep(backoff);
                backoff = Math.min(backoff * 2, MAX_BACKOFF_MILLIS);
                continue;
            }
            batches.record(taken.size());
            for (int i = 0; i < taken.size(); i++) taken.get(i).result().complete(results.get(i));
            return true;
        }
    }

    private Object sendUntilWritten(Object command) {
        long backoff = 100;
        while (true) {
            try {
                return commands.sendAndWait(command);
            } catch (RuntimeException e) {
                if (!DatabaseOutage.causes(e) || !running || !retryOutages) throw e;
                retries.increment();
                log.warn("Database unreachable, retrying {} in {} ms: {}", command.getClass().getSimpleName(), backoff, e.getMessage());
                sleep(backoff);
                backoff = Math.min(backoff * 2, MAX_BACKOFF_MILLIS);
            }
        }
    }

    private double queued() {
        long total = 0;
        for (BlockingQueue<Pending> queue : queues) total += queue.size();
        return total;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Writes what is queued, then stops (at most 30 seconds). */
    @Override
    public void close() throws InterruptedException {
        running = false;
        for (Thread writer : writers) writer.interrupt();
        for (Thread writer : writers) writer.join(30_000);
    }
}
