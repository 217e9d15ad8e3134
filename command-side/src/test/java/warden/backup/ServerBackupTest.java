package warden.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import warden.common.Actor;
import warden.common.CommandRefusedException;
import warden.common.GuildId;
import warden.common.InvalidValueException;
import warden.common.UserId;

/** Backups within the server's limit, the automatic schedule and its rotation, and a restore's steps recorded once. */
class ServerBackupTest {

    static final GuildId GUILD = GuildId.of(1001);
    static final Actor ADMIN = Actor.moderator(UserId.of(7));
    static final Actor SCHEDULE = Actor.system("backup-schedule");
    static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

    AggregateTestFixture<ServerBackup> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(ServerBackup.class);
    }

    static TakeBackup take(String id, String hash, boolean automatic, int limit) {
        return new TakeBackup(
                GUILD, id, "label " + id, hash, 100, 3, 4, 5, automatic, limit, automatic ? SCHEDULE : ADMIN, T0);
    }

    static BackupTaken taken(String id, String hash, boolean automatic) {
        return new BackupTaken(
                GUILD, id, "label " + id, hash, 100, 3, 4, 5, automatic, automatic ? SCHEDULE : ADMIN, T0);
    }

    @Test
    void aBackupIsTakenAndABackupBeyondTheLimitIsRefused() {
        fixture.givenNoPriorActivity()
                .when(take("b1", "h1", false, 2))
                .expectEvents(taken("b1", "h1", false))
                .expectResultMessagePayload("b1");
        fixture.given(taken("b1", "h1", false), taken("b2", "h2", false))
                .when(take("b3", "h3", false, 2))
                .expectException(CommandRefusedException.class)
                .expectExceptionMessage(containsString("error.backup.limit"));
    }

    @Test
    void anAutomaticBackupReplacesTheOldestAutomaticOneAndSkipsAnUnchangedServer() {
        fixture.given(taken("b1", "h1", false), taken("a1", "h2", true), taken("a2", "h3", true))
                .when(take("a3", "h4", true, 3))
                .expectEvents(
                        new BackupDeleted(GUILD, "a1", Actor.system("backup-rotation"), T0), taken("a3", "h4", true));
        fixture.given(taken("a1", "h1", true))
                .when(take("a2", "h1", true, 3))
                .expectNoEvents()
                .expectResultMessagePayload("a1");
        fixture.given(taken("b1", "h1", false), taken("b2", "h2", false))
                .when(take("a1", "h3", true, 2))
                .expectException(CommandRefusedException.class);
    }

    @Test
    void deletingSaysWhetherAnotherBackupStillHoldsTheSnapshot() {
        fixture.given(taken("b1", "h1", false), taken("b2", "h1", false))
                .when(new DeleteBackup(GUILD, "b1", ADMIN, T0))
                .expectEvents(new BackupDeleted(GUILD, "b1", ADMIN, T0))
                .expectResultMessagePayload(true);
        fixture.given(taken("b1", "h1", false))
                .when(new DeleteBackup(GUILD, "b1", ADMIN, T0))
                .expectResultMessagePayload(false);
        fixture.given(taken("b1", "h1", false))
                .when(new DeleteBackup(GUILD, "nope", ADMIN, T0))
                .expectException(CommandRefusedException.class)
                .expectExceptionMessage(containsString("error.backup.unknown"));
    }

    @Test
    void theScheduleSetsADeadlineThatAsksForABackupAndTheNext() {
        Duration day = Duration.ofDays(1);
        fixture.givenCurrentTime(T0)
                .andGiven(List.of())
                .when(new ScheduleBackups(GUILD, day, Duration.ofHours(1), ADMIN, T0))
                .expectEvents(new BackupScheduleChanged(GUILD, day, ADMIN, T0))
                .expectScheduledDeadlineWithName(day, BackupDeadline.NAME);
        setUp();
        fixture.givenCurrentTime(T0)
                .andGivenCommands(new ScheduleBackups(GUILD, day, Duration.ofHours(1), ADMIN, T0))
                .whenTimeElapses(day)
                .expectEvents(new AutomaticBackupDue(GUILD, T0.plus(day)))
                .expectScheduledDeadlineWithName(day, BackupDeadline.NAME);
        setUp();
        fixture.givenCurrentTime(T0)
                .andGiven(List.of())
                .when(new ScheduleBackups(GUILD, Duration.ofMinutes(5), Duration.ofHours(1), ADMIN, T0))
                .expectException(InvalidValueException.class);
        setUp();
        fixture.givenCurrentTime(T0)
                .andGiven(new BackupScheduleChanged(GUILD, day, ADMIN, T0))
                .when(new ScheduleBackups(GUILD, null, Duration.ofHours(1), ADMIN, T0))
                .expectEvents(new BackupScheduleChanged(GUILD, null, ADMIN, T0))
                .expectNoScheduledDeadlines();
    }

    static final List<RestoreStep> PLAN = List.of(
            new RestoreStep(0, RestoreStep.Kind.CREATE_ROLE, "r1", "Mods", List.of()),
            new RestoreStep(1, RestoreStep.Kind.CREATE_CHANNEL, "c1", "rules", List.of()));

    RestoreStarted started() {
        return new RestoreStarted(GUILD, "x1", "b1", "h1", RestoreOptions.ALL, PLAN, "55", ADMIN, T0);
    }

    @Test
    void aRestoreStartsFromAKnownBackupOneAtATime() {
        fixture.given(taken("b1", "h1", false))
                .when(new StartRestore(GUILD, "x1", "b1", RestoreOptions.ALL, PLAN, "55", ADMIN, T0))
                .expectEvents(started());
        fixture.given(taken("b1", "h1", false), started())
                .when(new StartRestore(GUILD, "x2", "b1", RestoreOptions.ALL, PLAN, "55", ADMIN, T0))
                .expectException(CommandRefusedException.class)
                .expectExceptionMessage(containsString("error.backup.restoreRunning"));
        fixture.given(taken("b1", "h1", false))
                .when(new StartRestore(GUILD, "x1", "gone", RestoreOptions.ALL, PLAN, "55", ADMIN, T0))
                .expectException(CommandRefusedException.class)
                .expectExceptionMessage(containsString("error.backup.unknown"));
    }

    @Test
    void aStepIsRecordedOnceAndAResumeKnowsWhatWasCreated() {
        RestoreStepRecorded first = new RestoreStepRecorded(GUILD, "x1", 0, StepOutcome.DONE, "999", null, T0);
        fixture.given(taken("b1", "h1", false), started(), first)
                .when(new RecordRestoreStep(GUILD, "x1", 0, StepOutcome.DONE, "1000", null, T0))
                .expectNoEvents();
        fixture.given(taken("b1", "h1", false), started(), first)
                .when(new ResumeRestore(GUILD, "x1", T0.plusSeconds(5)))
                .expectEvents(new RestoreResumed(GUILD, "x1", 1, T0.plusSeconds(5)))
                .expectResultMessagePayloadMatching(
                        org.hamcrest.Matchers.equalTo(new RestoreProgress(true, Set.of(0), Map.of("r1", "999"))));
        fixture.given(taken("b1", "h1", false), started())
                .when(new ResumeRestore(GUILD, "x1", T0))
                .expectNoEvents();
        fixture.given(
                        taken("b1", "h1", false),
                        started(),
                        first,
                        new RestoreStepRecorded(GUILD, "x1", 1, StepOutcome.FAILED, null, "Missing Permissions", T0))
                .when(new FinishRestore(GUILD, "x1", T0.plusSeconds(9)))
                .expectEvents(new RestoreFinished(GUILD, "x1", 1, 1, 0, T0.plusSeconds(9)));
    }

    @Test
    void restoreModesAreNamedAndAnUnknownModeIsRefused() {
        assertThat(RestoreOptions.of("structure", true)).isEqualTo(new RestoreOptions(false, true, false));
        assertThat(RestoreOptions.of("member-roles", false)).isEqualTo(new RestoreOptions(false, false, true));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> RestoreOptions.of("everything", false))
                .isInstanceOf(InvalidValueException.class);
    }
}
