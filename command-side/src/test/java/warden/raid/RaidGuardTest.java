package warden.raid;

import static org.hamcrest.Matchers.containsString;

import java.time.Instant;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import warden.common.Actor;
import warden.common.CommandRefusedException;
import warden.common.GuildId;
import warden.common.UserId;

/** One raid at a time per server, its accounts recorded once, its end. */
class RaidGuardTest {

    static final GuildId GUILD = GuildId.of(1001);
    static final Actor DETECTOR = Actor.system("raid-detector");
    static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
    static final Instant UNTIL = T0.plusSeconds(3600);

    AggregateTestFixture<RaidGuard> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(RaidGuard.class);
    }

    RaidStarted started() {
        return new RaidStarted(GUILD, "raid:1", true, 2, "NONE", UNTIL, DETECTOR, T0);
    }

    @Test
    void aRaidStartsWithTheAccountsThatRevealedIt() {
        fixture.givenNoPriorActivity()
                .when(new StartRaid(
                        GUILD, "raid:1", true, List.of(UserId.of(5), UserId.of(6)), "NONE", UNTIL, DETECTOR, T0))
                .expectEvents(
                        started(),
                        new RaidJoinRecorded(GUILD, "raid:1", UserId.of(5), T0),
                        new RaidJoinRecorded(GUILD, "raid:1", UserId.of(6), T0));
    }

    @Test
    void aSecondRaidAtOnceIsRefusedAndJoinsCountOnce() {
        fixture.given(started())
                .when(new StartRaid(GUILD, "raid:2", false, List.of(), "NONE", UNTIL, DETECTOR, T0.plusSeconds(1)))
                .expectException(CommandRefusedException.class)
                .expectExceptionMessage(containsString("error.raid.alreadyOn"));
        fixture.given(started(), new RaidJoinRecorded(GUILD, "raid:1", UserId.of(5), T0))
                .when(new RecordRaidJoin(GUILD, UserId.of(5), T0.plusSeconds(2)))
                .expectNoEvents();
        fixture.given(started())
                .when(new RecordRaidJoin(GUILD, UserId.of(7), T0.plusSeconds(2)))
                .expectEvents(new RaidJoinRecorded(GUILD, "raid:1", UserId.of(7), T0.plusSeconds(2)));
    }

    @Test
    void endingGivesTheAccountsAndJoinsAfterwardAreNotRaidAccounts() {
        fixture.given(started(), new RaidJoinRecorded(GUILD, "raid:1", UserId.of(5), T0))
                .when(new EndRaid(GUILD, Actor.system("admin"), T0.plusSeconds(60)))
                .expectEvents(new RaidEnded(GUILD, "raid:1", 1, Actor.system("admin"), T0.plusSeconds(60)))
                .expectResultMessagePayload(List.of(UserId.of(5)));
        fixture.given(started(), new RaidEnded(GUILD, "raid:1", 0, DETECTOR, T0.plusSeconds(60)))
                .when(new RecordRaidJoin(GUILD, UserId.of(8), T0.plusSeconds(61)))
                .expectNoEvents();
        fixture.given(started(), new RaidEnded(GUILD, "raid:1", 0, DETECTOR, T0.plusSeconds(60)))
                .when(new EndRaid(GUILD, DETECTOR, T0.plusSeconds(62)))
                .expectException(CommandRefusedException.class);
    }
}
