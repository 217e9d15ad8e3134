package warden.platform;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.modelling.command.CommandTargetResolver;

/**
 * The one way Warden's code sends a command; which path it takes is decided here, not where it is sent:
 * <ul>
 *   <li>a sender that waits ({@link #sendAndWait}) has its command written with those of every sender waiting at the
 *   same time, in one transaction and one commit ({@link GroupCommitCommands}), and is answered once it is durable;</li>
 *   <li>inside a unit of work (an event handler reacting to an event) it joins that unit of work: the command bus
 *   directly;</li>
 *   <li>a sender that goes on ({@link #send}) has it queued behind the earlier commands to the same aggregate and
 *   written in batches by the writers ({@link OrderedCommands}).</li>
 * </ul>
 * A refused command fails alone, with the exception the command bus throws.
 */
public final class Commands {

    /** How long a sender waits by default: a command takes milliseconds unless PostgreSQL is unreachable. */
    static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final CommandGateway bus;
    private final GroupCommitCommands waiting;
    private final OrderedCommands ordered;
    private final CommandTargetResolver targets;

    public Commands(
            CommandGateway bus, GroupCommitCommands waiting, OrderedCommands ordered, CommandTargetResolver targets) {
        this.bus = bus;
        this.waiting = waiting;
        this.ordered = ordered;
        this.targets = targets;
    }

    /** The command's result once it is durable; a refusal is thrown. */
    public <R> R sendAndWait(Object command) {
        return sendAndWait(command, TIMEOUT);
    }

    public <R> R sendAndWait(Object command, Duration timeout) {
        if (CurrentUnitOfWork.isStarted()) return bus.sendAndWait(command, timeout.toMillis(), TimeUnit.MILLISECONDS);
        return waiting.sendAndWait(command, timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Queues the command behind the earlier ones to its aggregate; the future completes once it is durable. */
    public CompletableFuture<Object> send(Object command) {
        return ordered.send(target(command), command);
    }

    private Object target(Object command) {
        try {
            return targets.resolveTarget(GenericCommandMessage.asCommandMessage(command))
                    .getIdentifier();
        } catch (IllegalArgumentException noTarget) {
            return command.getClass();
        }
    }
}
