package warden.interserver;

import static org.assertj.core.api.Assertions.assertThat;
import static warden.interserver.RelayCooldown.Verdict.HOLD;
import static warden.interserver.RelayCooldown.Verdict.HOLD_AND_TELL;
import static warden.interserver.RelayCooldown.Verdict.RELAY;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RelayCooldownTest {

    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final RelayCooldown cooldown = new RelayCooldown(Duration.ofSeconds(3), now::get);

    private void advance(Duration d) {
        now.addAndGet(d.toNanos());
    }

    @Test
    void aMemberIsRelayedOncePerCooldownPerChannelAndToldOnce() {
        assertThat(cooldown.check(1, 10)).isEqualTo(RELAY);
        advance(Duration.ofMillis(500));
        assertThat(cooldown.check(1, 10)).isEqualTo(HOLD_AND_TELL);
        assertThat(cooldown.check(1, 10)).isEqualTo(HOLD);
        assertThat(cooldown.check(1, 11)).as("another member").isEqualTo(RELAY);
        assertThat(cooldown.check(2, 10)).as("another channel").isEqualTo(RELAY);
        advance(Duration.ofMillis(2_500));
        assertThat(cooldown.check(1, 10)).as("3 s after the relayed message").isEqualTo(RELAY);
        assertThat(cooldown.check(1, 10)).isEqualTo(HOLD_AND_TELL);
    }

    @Test
    void aZeroCooldownRelaysEverything() {
        RelayCooldown off = new RelayCooldown(Duration.ZERO, now::get);
        for (int i = 0; i < 5; i++) assertThat(off.check(1, 10)).isEqualTo(RELAY);
    }
}
