package warden.discord;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.Configuration;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.deadletter.jdbc.JdbcSequencedDeadLetterQueue;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.Decisions;
import org.axonframework.messaging.deadletter.EnqueuePolicy;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.axonframework.messaging.deadletter.ThrowableCause;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Dead letters instead of stalled shards. A side effect that fails (Discord answering 5xx for one member for ever, a
 * text Discord refuses, a bug) is parked in PostgreSQL with its error, in Axon's sequenced dead-letter queue: only that
 * member's (or server's) later side effects wait behind it, everyone else's go on. Parked sequences are retried with
 * back-off (5 s, doubling, at most 10 minutes apart) on the node that holds the shard; an operator lists them, retries
 * one at once, or drops it ({@code /api/v1/admin/dead-letters}).
 */
public final class DeadLetters {

    private static final Logger log = LoggerFactory.getLogger(DeadLetters.class);
    static final Duration FIRST_RETRY = Duration.ofSeconds(5);
    static final Duration LONGEST_WAIT = Duration.ofMinutes(10);
    static final String RETRIES = "retries";
    /** Sequences retried per processor and round: a long outage's letters are worked through, not all at once. */
    private static final int PER_ROUND = 50;

    private final Set<String> processors = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService rounds = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "dead-letter-retries");
        thread.setDaemon(true);
        return thread;
    });
    private volatile EventProcessingConfiguration processing;

    /** The queue of one side-effect processor, in the {@code deadletterentry} table. */
    static SequencedDeadLetterQueue<EventMessage<?>> queue(
            String processor, Configuration config, ConnectionProvider connections, TransactionManager transactions) {
        return JdbcSequencedDeadLetterQueue.builder()
                .processingGroup(processor)
                .connectionProvider(connections)
                .transactionManager(transactions)
                .genericSerializer(config.serializer())
                .eventSerializer(config.eventSerializer())
                .maxSequences(100_000)
                .build();
    }

    /** Every failure is parked (again), its attempts counted for the back-off. */
    static EnqueuePolicy<EventMessage<?>> policy() {
        return (letter, cause) -> {
            log.warn(
                    "Side effect {} parked as a dead letter: {}",
                    letter.message().getPayloadType().getSimpleName(),
                    cause.toString());
            return Decisions.requeue(
                    ThrowableCause.truncated(cause), l -> l.diagnostics().and(RETRIES, retries(l) + 1));
        };
    }

    static int retries(DeadLetter<?> letter) {
        Object retries = letter.diagnostics().get(RETRIES);
        return retries instanceof Number n ? n.intValue() : 0;
    }

    /** When a parked letter is due again: 5 s after its first failure, doubling, at most 10 minutes apart. */
    static boolean due(DeadLetter<?> letter, Instant now) {
        int tries = Math.min(retries(letter), 20);
        Duration wait = FIRST_RETRY.multipliedBy(1L << Math.max(0, tries - 1));
        if (wait.compareTo(LONGEST_WAIT) > 0) wait = LONGEST_WAIT;
        return !letter.lastTouched().plus(wait).isAfter(now);
    }

    void register(String processor) {
        processors.add(processor);
    }

    void start(EventProcessingConfiguration processing) {
        this.processing = processing;
        rounds.scheduleWithFixedDelay(this::round, FIRST_RETRY.toMillis(), 1_000, TimeUnit.MILLISECONDS);
    }

    void stop() {
        rounds.shutdownNow();
    }

    List<String> processors() {
        return List.copyOf(processors);
    }

    private void round() {
        for (String processor : processors) {
            try {
                processing.sequencedDeadLetterProcessor(processor).ifPresent(letters -> {
                    Instant now = Instant.now();
                    for (int i = 0; i < PER_ROUND && letters.process(letter -> due(letter, now)); i++) {
                        // each call handled one due sequence: its letters applied in order, or parked again
                    }
                });
            } catch (RuntimeException e) {
                log.warn("Retrying the dead letters of {} failed, tried again soon: {}", processor, e.toString());
            }
        }
    }
}
