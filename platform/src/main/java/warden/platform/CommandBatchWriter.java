package warden.platform;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.messaging.GenericMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a batch of queued commands in one unit of work and one transaction, each command in its own nested unit of
 * work, in order; no future completes before the commit. If one command fails, the whole transaction rolls back (Axon
 * evicts the aggregates it touched from the cache) and the batch is written again one command at a time, so a bad
 * command only fails itself. Shared by the writers that senders hand over to ({@link OrderedCommands}) and the ones
 * that senders wait for ({@link GroupCommitCommands}).
 */
final class CommandBatchWriter {

    private static final Logger log = LoggerFactory.getLogger(CommandBatchWriter.class);
    private static final long MAX_BACKOFF_MILLIS = 5_000;

    /** A command and what its sender is told once it is written. */
    record Pending(Object command, CompletableFuture<Object> result) {
        Pending(Object command) {
            this(command, new CompletableFuture<>());
        }
    }

    private final CommandGateway commands;
    private final TransactionManager transactions;
    private final boolean retryOutages;
    private final Counter retries;
    private final DistributionSummary batches;
    private volatile boolean running = true;

    /**
     * @param name         tags the meters ({@code writers=<name>})
     * @param retryOutages whether a command is retried in place while PostgreSQL is unreachable (senders that hand
     *                     over and go on), or fails at once with the outage (senders that wait and can answer "try
     *                     again")
     */
    CommandBatchWriter(
            String name,
            CommandGateway commands,
            TransactionManager transactions,
            boolean retryOutages,
            MeterRegistry meters) {
        this.commands = commands;
        this.transactions = transactions;
        this.retryOutages = retryOutages;
        this.retries = Counter.builder("warden.commands.retries")
                .description("commands retried while the database was unreachable")
                .tag("writers", name)
                .register(meters);
        this.batches = DistributionSummary.builder("warden.commands.batch")
                .description("commands written in one transaction")
                .tag("writers", name)
                .register(meters);
    }

    /** Writes {@code taken} and completes each one's future, with its result or its own failure. */
    void write(List<Pending> taken) {
        if (taken.size() == 1 || !writeTogether(taken)) {
            for (Pending one : taken) writeAlone(one);
        }
    }

    /** Retries in place stop: the command fails with the outage instead. */
    void stop() {
        running = false;
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
                log.warn(
                        "Database unreachable, retrying {} commands in {} ms: {}",
                        taken.size(),
                        backoff,
                        e.getMessage());
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
                log.warn(
                        "Database unreachable, retrying {} in {} ms: {}",
                        command.getClass().getSimpleName(),
                        backoff,
                        e.getMessage());
                sleep(backoff);
                backoff = Math.min(backoff * 2, MAX_BACKOFF_MILLIS);
            }
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
