package warden.replay;

import java.time.Instant;
import java.util.List;

/**
 * Progress of a replay.
 *
 * @param eventsTotal  events in the store when the replay started
 * @param eventsDone   events every replayed processor has passed
 * @param ratePerSecond events per second since the start
 * @param eta           when the replay should be done at this rate, or null before there is a rate (or once done)
 */
public record ReplayStatus(
        State state,
        List<String> processors,
        Instant startedAt,
        Instant finishedAt,
        long eventsDone,
        long eventsTotal,
        double ratePerSecond,
        Instant eta) {

    public enum State {
        IDLE,
        RUNNING,
        DONE
    }

    static ReplayStatus idle() {
        return new ReplayStatus(State.IDLE, List.of(), null, null, 0, 0, 0, null);
    }
}
