package warden.sanctions;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import warden.common.Actor;
import warden.common.CommandRefusedException;
import warden.common.InvalidValueException;
import warden.common.MemberKey;
import warden.common.UserId;

/** The manual side of a member's record: infractions, pardons, notes and moderator sanctions. */
class MemberRecordTest {

    static final MemberKey MEMBER = MemberKey.of(111, 222);
    static final Actor MOD = Actor.moderator(UserId.of(333));
    static final Actor AUTOMOD = Actor.automod("vocabulary");
    static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

    AggregateTestFixture<MemberRecord> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(MemberRecord.class);
    }

    static InfractionRecorded recorded(String id, Instant at) {
        return new InfractionRecorded(
                MEMBER, InfractionId.of(id), InfractionType.VOCABULARY, AUTOMOD, "forbidden word", Evidence.none(), at);
    }

    static RecordInfraction record(String id, Instant at) {
        return new RecordInfraction(
                MEMBER,
                InfractionId.of(id),
                InfractionType.VOCABULARY,
                AUTOMOD,
                "forbidden word",
                Evidence.none(),
                at,
                SanctionRules.NONE);
    }

    static ImposeSanction impose(String id, SanctionSpec spec, Instant at) {
        return new ImposeSanction(MEMBER, SanctionId.of(id), spec, MOD, "manual", at, SanctionRules.NONE);
    }

    static SanctionDecided decided(String id, SanctionSpec spec, Instant at) {
        return new SanctionDecided(MEMBER, SanctionId.of(id), spec, MOD, "manual", null, at, spec.expiresAt(at));
    }

    @Nested
    class Infractions {
        @Test
        void aFirstInfractionCreatesTheRecord() {
            fixture.givenNoPriorActivity()
                    .when(record("m1", T0))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(recorded("m1", T0));
        }

        @Test
        void theSameInfractionTwiceIsANoOp() {
            fixture.given(recorded("m1", T0))
                    .when(record("m1", T0))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void aPardonMarksTheInfraction() {
            fixture.given(recorded("m1", T0))
                    .when(new PardonInfraction(
                            MEMBER, InfractionId.of("m1"), MOD, "false positive", T0.plusSeconds(60)))
                    .expectEvents(new InfractionPardoned(
                            MEMBER, InfractionId.of("m1"), MOD, "false positive", T0.plusSeconds(60)));
        }

        @Test
        void pardoningAnUnknownInfractionIsRefused() {
            fixture.given(recorded("m1", T0))
                    .when(new PardonInfraction(MEMBER, InfractionId.of("nope"), MOD, null, T0))
                    .expectException(CommandRefusedException.class)
                    .expectExceptionMessage(org.hamcrest.Matchers.containsString("error.infraction.unknown"))
                    .expectNoEvents();
        }

        @Test
        void pardoningTwiceIsRefused() {
            fixture.given(
                            recorded("m1", T0),
                            new InfractionPardoned(MEMBER, InfractionId.of("m1"), MOD, null, T0.plusSeconds(1)))
                    .when(new PardonInfraction(MEMBER, InfractionId.of("m1"), MOD, null, T0.plusSeconds(2)))
                    .expectException(CommandRefusedException.class)
                    .expectExceptionMessage(org.hamcrest.Matchers.containsString("error.infraction.alreadyPardoned"))
                    .expectNoEvents();
        }

        @Test
        void anInfractionBeyondTheHorizonIsStillKnown() {
            Instant later = T0.plus(InfractionLog.HORIZON).plusSeconds(1);
            fixture.given(recorded("m1", T0), recorded("m2", later))
                    .when(record("m1", T0))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void anInfractionBeyondTheHorizonCanBePardonedOnce() {
            Instant later = T0.plus(InfractionLog.HORIZON).plusSeconds(1);
            fixture.given(recorded("m1", T0), recorded("m2", later))
                    .when(new PardonInfraction(MEMBER, InfractionId.of("m1"), MOD, "old mistake", later))
                    .expectEvents(new InfractionPardoned(MEMBER, InfractionId.of("m1"), MOD, "old mistake", later));
            fixture.given(
                            recorded("m1", T0),
                            recorded("m2", later),
                            new InfractionPardoned(MEMBER, InfractionId.of("m1"), MOD, null, later))
                    .when(new PardonInfraction(MEMBER, InfractionId.of("m1"), MOD, null, later))
                    .expectException(CommandRefusedException.class)
                    .expectExceptionMessage(org.hamcrest.Matchers.containsString("error.infraction.alreadyPardoned"));
        }

        @Test
        void pardoningOnAMemberWithoutRecordIsRefused() {
            fixture.givenNoPriorActivity()
                    .when(new PardonInfraction(MEMBER, InfractionId.of("m1"), MOD, null, T0))
                    .expectException(org.axonframework.modelling.command.AggregateNotFoundException.class);
        }
    }

    @Nested
    class Notes {
        @Test
        void aNoteIsKept() {
            fixture.givenNoPriorActivity()
                    .when(new AddNote(MEMBER, NoteId.of("n1"), MOD, "  talked to them in DM  ", T0))
                    .expectEvents(new NoteAdded(MEMBER, NoteId.of("n1"), MOD, "talked to them in DM", T0));
        }

        @Test
        void anEmptyNoteCannotBeMade() {
            assertThatThrownBy(() -> new AddNote(MEMBER, NoteId.of("n1"), MOD, "   ", T0))
                    .isInstanceOf(InvalidValueException.class)
                    .hasMessageContaining("error.text.empty");
        }
    }

    @Nested
    class ManualSanctions {
        @Test
        void aTimeoutIsDecidedWithItsEndScheduled() {
            SanctionSpec spec = SanctionSpec.timeout(Duration.ofHours(1));
            Instant end = T0.plus(Duration.ofHours(1));
            fixture.givenNoPriorActivity()
                    .when(impose("s1", spec, T0))
                    .expectEvents(decided("s1", spec, T0))
                    .expectScheduledDeadline(end, new SanctionExpiryDue(SanctionId.of("s1")))
                    .expectScheduledDeadlineWithName(end, MemberRecord.EXPIRY_DEADLINE_PREFIX + "s1");
        }

        @Test
        void aTimeoutLongerThanDiscordAllowsCannotBeMade() {
            assertThatThrownBy(() -> SanctionSpec.timeout(Duration.ofDays(29)))
                    .isInstanceOf(InvalidValueException.class)
                    .hasMessageContaining("error.sanction.duration.range");
        }

        @Test
        void aTimeoutNeedsADuration() {
            assertThatThrownBy(() -> SanctionSpec.of(SanctionKind.TIMEOUT))
                    .isInstanceOf(InvalidValueException.class)
                    .hasMessageContaining("error.sanction.duration.required");
        }

        @Test
        void aKickCannotHaveADuration() {
            assertThatThrownBy(() -> new SanctionSpec(SanctionKind.KICK, Duration.ofHours(1)).validate())
                    .isInstanceOf(InvalidValueException.class)
                    .hasMessageContaining("error.sanction.duration.notAllowed");
        }

        @Test
        void aModeratorsIdenticalSanctionWithinAMinuteIsARetry() {
            fixture.given(decided("s1", SanctionSpec.of(SanctionKind.KICK), T0))
                    .when(impose("s2", SanctionSpec.of(SanctionKind.KICK), T0.plusSeconds(30)))
                    .expectSuccessfulHandlerExecution()
                    .expectResultMessagePayload(SanctionId.of("s1"))
                    .expectNoEvents();
        }

        @Test
        void theSameSanctionLaterOrForAnotherReasonIsANewOne() {
            fixture.given(decided("s1", SanctionSpec.of(SanctionKind.KICK), T0))
                    .when(impose("s2", SanctionSpec.of(SanctionKind.KICK), T0.plusSeconds(61)))
                    .expectResultMessagePayload(SanctionId.of("s2"))
                    .expectEvents(decided("s2", SanctionSpec.of(SanctionKind.KICK), T0.plusSeconds(61)));
            fixture.given(decided("s1", SanctionSpec.of(SanctionKind.KICK), T0))
                    .when(new ImposeSanction(
                            MEMBER,
                            SanctionId.of("s3"),
                            SanctionSpec.of(SanctionKind.KICK),
                            MOD,
                            "another reason",
                            T0.plusSeconds(5),
                            SanctionRules.NONE))
                    .expectResultMessagePayload(SanctionId.of("s3"));
        }

        @Test
        void aPermanentBanSchedulesNothing() {
            fixture.givenNoPriorActivity()
                    .when(impose("s1", SanctionSpec.ban(null), T0))
                    .expectEvents(decided("s1", SanctionSpec.ban(null), T0))
                    .expectNoScheduledDeadlines();
        }

        @Test
        void aWarningIsAlsoACountedInfraction() {
            fixture.givenNoPriorActivity()
                    .when(impose("s1", SanctionSpec.of(SanctionKind.WARN), T0))
                    .expectEvents(
                            decided("s1", SanctionSpec.of(SanctionKind.WARN), T0),
                            new InfractionRecorded(
                                    MEMBER,
                                    InfractionId.of("warn:s1"),
                                    InfractionType.WARNING,
                                    MOD,
                                    "manual",
                                    Evidence.none(),
                                    T0));
        }

        @Test
        void theSameSanctionTwiceIsANoOp() {
            fixture.given(decided("s1", SanctionSpec.of(SanctionKind.KICK), T0))
                    .when(impose("s1", SanctionSpec.of(SanctionKind.KICK), T0))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void anUnbanLiftsTheActiveBans() {
            SanctionSpec tempBan = SanctionSpec.ban(Duration.ofDays(7));
            fixture.given(decided("b1", tempBan, T0))
                    .when(impose("u1", SanctionSpec.of(SanctionKind.UNBAN), T0.plusSeconds(3600)))
                    .expectEvents(
                            decided("u1", SanctionSpec.of(SanctionKind.UNBAN), T0.plusSeconds(3600)),
                            new SanctionLifted(
                                    MEMBER,
                                    SanctionId.of("b1"),
                                    SanctionKind.BAN,
                                    MOD,
                                    "manual",
                                    LiftCause.UNBANNED,
                                    T0.plusSeconds(3600)));
        }

        @Test
        void anUnbanOfAMemberBannedOutsideWardenIsStillDecided() {
            fixture.givenNoPriorActivity()
                    .when(impose("u1", SanctionSpec.of(SanctionKind.UNBAN), T0))
                    .expectEvents(decided("u1", SanctionSpec.of(SanctionKind.UNBAN), T0));
        }
    }

    @Nested
    class Lifecycle {
        final SanctionSpec tempBan = SanctionSpec.ban(Duration.ofDays(1));

        @Test
        void theExecutorConfirmsOnce() {
            fixture.given(decided("b1", tempBan, T0))
                    .when(new ConfirmSanctionApplied(MEMBER, SanctionId.of("b1"), T0.plusSeconds(1)))
                    .expectEvents(
                            new SanctionApplied(MEMBER, SanctionId.of("b1"), SanctionKind.BAN, T0.plusSeconds(1)));
        }

        @Test
        void aSecondConfirmationIsANoOp() {
            fixture.given(
                            decided("b1", tempBan, T0),
                            new SanctionApplied(MEMBER, SanctionId.of("b1"), SanctionKind.BAN, T0.plusSeconds(1)))
                    .when(new ConfirmSanctionApplied(MEMBER, SanctionId.of("b1"), T0.plusSeconds(2)))
                    .expectNoEvents();
        }

        @Test
        void aFailureKeepsDiscordsReason() {
            fixture.given(decided("b1", tempBan, T0))
                    .when(new ReportSanctionFailed(
                            MEMBER, SanctionId.of("b1"), "Missing Permissions", T0.plusSeconds(1)))
                    .expectEvents(new SanctionFailed(
                            MEMBER, SanctionId.of("b1"), SanctionKind.BAN, "Missing Permissions", T0.plusSeconds(1)));
        }

        @Test
        void reportingOnAnUnknownSanctionIsRefused() {
            fixture.given(decided("b1", tempBan, T0))
                    .when(new ConfirmSanctionApplied(MEMBER, SanctionId.of("nope"), T0))
                    .expectException(CommandRefusedException.class)
                    .expectNoEvents();
        }

        @Test
        void aTemporaryBanExpiresAtItsPlannedEnd() {
            fixture.givenCurrentTime(T0)
                    .andGivenCommands(impose("b1", tempBan, T0))
                    .whenTimeElapses(Duration.ofDays(1).plusSeconds(1))
                    .expectEvents(new SanctionExpired(
                            MEMBER, SanctionId.of("b1"), SanctionKind.BAN, T0.plus(Duration.ofDays(1))));
        }

        @Test
        void aBanThatEndsWhileAnotherHoldsSaysSoAndDiscordsBanStays() {
            fixture.givenCurrentTime(T0)
                    .andGivenCommands(
                            impose("b1", tempBan, T0), impose("forever", SanctionSpec.ban(null), T0.plusSeconds(30)))
                    .whenTimeElapses(Duration.ofDays(1).plusSeconds(1))
                    .expectEvents(new SanctionExpired(
                            MEMBER,
                            SanctionId.of("b1"),
                            SanctionKind.BAN,
                            T0.plus(Duration.ofDays(1)),
                            new HeldBy(SanctionId.of("forever"), null)));
        }

        @Test
        void aTimeoutLiftedWhileALongerOneHoldsNamesTheLongerOne() {
            fixture.givenCurrentTime(T0)
                    .andGivenCommands(
                            impose("t1", SanctionSpec.timeout(Duration.ofHours(1)), T0),
                            impose("t2", SanctionSpec.timeout(Duration.ofHours(6)), T0.plusSeconds(10)),
                            impose("t3", SanctionSpec.timeout(Duration.ofHours(3)), T0.plusSeconds(20)))
                    .when(new LiftSanction(MEMBER, SanctionId.of("t1"), MOD, "mistake", T0.plusSeconds(60)))
                    .expectEvents(new SanctionLifted(
                            MEMBER,
                            SanctionId.of("t1"),
                            SanctionKind.TIMEOUT,
                            MOD,
                            "mistake",
                            LiftCause.LIFTED,
                            T0.plusSeconds(60),
                            new HeldBy(SanctionId.of("t2"), T0.plusSeconds(10).plus(Duration.ofHours(6)))));
        }

        @Test
        void liftingEarlyCancelsTheDeadline() {
            fixture.givenCurrentTime(T0)
                    .andGivenCommands(impose("b1", tempBan, T0))
                    .when(new LiftSanction(MEMBER, SanctionId.of("b1"), MOD, "appeal accepted", T0.plusSeconds(60)))
                    .expectEvents(new SanctionLifted(
                            MEMBER,
                            SanctionId.of("b1"),
                            SanctionKind.BAN,
                            MOD,
                            "appeal accepted",
                            LiftCause.LIFTED,
                            T0.plusSeconds(60)))
                    .expectNoScheduledDeadlines();
        }

        @Test
        void liftingAKickIsRefused() {
            fixture.given(decided("k1", SanctionSpec.of(SanctionKind.KICK), T0))
                    .when(new LiftSanction(MEMBER, SanctionId.of("k1"), MOD, null, T0.plusSeconds(60)))
                    .expectException(CommandRefusedException.class)
                    .expectExceptionMessage(org.hamcrest.Matchers.containsString("error.sanction.notLasting"))
                    .expectNoEvents();
        }

        @Test
        void liftingAnExpiredSanctionIsRefused() {
            fixture.given(
                            decided("b1", tempBan, T0),
                            new SanctionExpired(
                                    MEMBER, SanctionId.of("b1"), SanctionKind.BAN, T0.plus(Duration.ofDays(1))))
                    .when(new LiftSanction(MEMBER, SanctionId.of("b1"), MOD, null, T0.plus(Duration.ofDays(2))))
                    .expectException(CommandRefusedException.class)
                    .expectExceptionMessage(org.hamcrest.Matchers.containsString("error.sanction.notActive"))
                    .expectNoEvents();
        }

        @Test
        void aLiftedSanctionDoesNotExpireLater() {
            fixture.given(
                            decided("b1", tempBan, T0),
                            new SanctionLifted(
                                    MEMBER,
                                    SanctionId.of("b1"),
                                    SanctionKind.BAN,
                                    MOD,
                                    null,
                                    LiftCause.LIFTED,
                                    T0.plusSeconds(5)))
                    .whenTimeElapses(Duration.ofDays(2))
                    .expectNoEvents();
        }
    }
}
