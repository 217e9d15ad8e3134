package warden.replay;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Service;
import warden.common.CommandRefusedException;
import warden.platform.WardenRoles;

/**
 * Rebuilds every read model from the event store: each streaming processor that supports a reset is stopped,
 * reset (its {@code @ResetHandler}s truncate their tables) and restarted from the first event. Processors with
 * side effects are marked {@code @DisallowReplay}, do not support a reset, and are never touched.
 */
@Service
public class ReplayService {

    private static final Logger log = LoggerFactory.getLogger(ReplayService.class);

    private final EventProcessingConfiguration processing;
    private final EventStore eventStore;
    private final Clock clock = Clock.systemUTC();
    private final boolean runsProjections;
    private volatile Run current;

    public ReplayService(EventProcessingConfiguration processing, EventStore eventStore, Environment environment) {
        this.processing = processing;
        this.eventStore = eventStore;
        this.runsProjections = WardenRoles.has(environment, WardenRoles.PROJECTIONS);
    }

    private record Run(List<String> processors, Instant startedAt, long total) {}

    /** The processors a replay rebuilds. */
    public List<String> replayableProcessors() {
        return processing.eventProcessors().values().stream()
                .filter(StreamingEventProcessor.class::isInstance)
                .map(StreamingEventProcessor.class::cast)
                .filter(StreamingEventProcessor::supportsReset)
                .map(StreamingEventProcessor::getName)
                .sorted()
                .toList();
    }

    public synchronized ReplayStatus start() {
        if (!runsProjections) throw new CommandRefusedException("error.replay.notProjectionNode");
        if (current != null && status().state() == ReplayStatus.State.RUNNING) {
            throw new CommandRefusedException("error.replay.running");
        }
        List<String> names = replayableProcessors();
        long total = position(eventStore.createHeadToken());
        log.info("Replay of {} over {} events starting", names, total);
        for (String name : names) {
            StreamingEventProcessor processor = processor(name);
            processor.shutdownAsync().join();
            processor.resetTokens();
            processor.start();
        }
        current = new Run(names, clock.instant(), total);
        return status();
    }

    public ReplayStatus status() {
        Run run = current;
        if (run == null) return ReplayStatus.idle();
        long done = run.processors().stream().mapToLong(this::positionOf).min().orElse(run.total());
        done = Math.min(done, run.total());
        // Axon keeps a token in replay mode until an event *after* the reset point arrives, so "replaying" cannot
        // tell when a replay over a quiet store is done; every processor having passed the head at reset does.
        boolean finished = run.processors().stream().allMatch(name -> caughtUp(name, run.total()));
        Instant now = clock.instant();
        double seconds = Math.max(Duration.between(run.startedAt(), now).toMillis(), 1) / 1000.0;
        double rate = done / seconds;
        Instant eta = finished || rate <= 0 ? null : now.plusSeconds((long) Math.ceil((run.total() - done) / rate));
        return new ReplayStatus(
                finished ? ReplayStatus.State.DONE : ReplayStatus.State.RUNNING,
                run.processors(),
                run.startedAt(),
                finished ? now : null,
                done,
                run.total(),
                rate,
                eta);
    }

    private StreamingEventProcessor processor(String name) {
        return processing
                .eventProcessor(name, StreamingEventProcessor.class)
                .orElseThrow(() -> new IllegalStateException("no streaming processor " + name));
    }

    /** Whether the processor runs (its segments claimed) and has handled every event up to {@code position}. */
    public boolean caughtUp(String name, long position) {
        return !processor(name).processingStatus().isEmpty() && positionOf(name) >= position;
    }

    /** The lowest position over the processor's segments: every event up to it has been handled. */
    public long positionOf(String name) {
        return processor(name).processingStatus().values().stream()
                .map(EventTrackerStatus::getCurrentPosition)
                .mapToLong(p -> p.isPresent() ? p.getAsLong() : 0)
                .min()
                .orElse(0);
    }

    private static long position(TrackingToken token) {
        if (token == null) return 0;
        OptionalLong position = token.position();
        return position.isPresent() ? Math.max(position.getAsLong(), 0) : 0;
    }
}
