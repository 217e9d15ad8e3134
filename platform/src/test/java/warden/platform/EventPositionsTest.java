package warden.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The positions of the events read last, in the order they were read, whatever read them before. */
class EventPositionsTest {

    @Test
    void keepsTheLastEventsReadAndForgetsTheOldest() {
        EventPositions positions = new EventPositions(3);
        positions.record("a", 1);
        positions.record("b", 2);
        positions.record("c", 3);
        positions.record("d", 4);

        assertThat(positions.of("a")).isNull();
        assertThat(positions.of("b")).isEqualTo(2L);
        assertThat(positions.of("d")).isEqualTo(4L);
    }

    /** Another processor's reader ran ahead and noted "b" long ago: a late reader's note keeps it for its handlers. */
    @Test
    void anEventNotedAgainIsKeptAsTheNewest() {
        EventPositions positions = new EventPositions(3);
        positions.record("b", 2);
        positions.record("c", 3);
        positions.record("d", 4);
        positions.record("b", 2);
        positions.record("e", 5);

        assertThat(positions.of("b")).isEqualTo(2L);
        assertThat(positions.of("c")).isNull();
    }
}
