package warden.platform;

import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.modelling.command.AnnotationCommandTargetResolver;
import org.axonframework.modelling.command.CommandTargetResolver;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Commands whose senders wait for them (the REST API). Senders waiting at the same time have their commands written
 * together: one transaction and one commit for all, then each sender answered, so "acknowledged" still means "durable"
 * while the commits, and their WAL flushes, are shared. The commands of one aggregate keep their order (one writer per
 * aggregate identifier); a command that fails fails alone (its batch is written again one command at a time).
 */
public final class GroupCommitCommands implements AutoCloseable {

    private final OrderedCommands writers;
    private final CommandTargetResolver targets = AnnotationCommandTargetResolver.builder().build();

    public GroupCommitCommands(OrderedCommands writers) {
        this.writers = writers;
    }

    /** The command's result once its transaction is committed; its failure as the command bus would have thrown it. */
    @SuppressWarnings("unchecked")
    public <R> R sendAndWait(Object command, long timeout, TimeUnit unit) {
        try {
            return (R) writers.send(key(command), command).get(timeout, unit);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) throw failure;
            if (e.getCause() instanceof Error error) throw error;
            throw new IllegalStateException(e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException(command.getClass().getSimpleName() + " not written within " + timeout + " " + unit, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for " + command.getClass().getSimpleName(), e);
        }
    }

    /** Writes what is queued, then stops. */
    @Override
    public void close() throws InterruptedException {
        writers.close();
    }

    /** The aggregate the command targets, so that one aggregate's commands stay in order on one writer. */
    private Object key(Object command) {
        try {
            return targets.resolveTarget(GenericCommandMessage.asCommandMessage(command)).getIdentifier();
        } catch (IllegalArgumentException noTarget) {
            return command.getClass();
        }
    }
}
