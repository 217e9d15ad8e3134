package warden.sanctions;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static warden.sanctions.MemberRecordTest.MEMBER;
import static warden.sanctions.MemberRecordTest.MOD;
import static warden.sanctions.MemberRecordTest.T0;
import static warden.sanctions.MemberRecordTest.decided;
import static warden.sanctions.MemberRecordTest.impose;

import java.time.Duration;
import java.time.Instant;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.matchers.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import warden.common.CommandRefusedException;
import warden.common.InvalidValueException;

/** Managing sanctions after the fact: texts edited with their trail, a new end, removal and reset. */
class SanctionManagementTest {

    static final SanctionSpec TIMEOUT = SanctionSpec.timeout(Duration.ofHours(1));
    static final SanctionSpec TEMP_BAN = SanctionSpec.ban(Duration.ofDays(7));
    static final SanctionId T1 = SanctionId.of("t1");

    AggregateTestFixture<MemberRecord> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(MemberRecord.class);
    }

    @Test
    void editingTheReasonKeepsTheOldTextInTheEvent() {
        fixture.given(decided("t1", TIMEOUT, T0))
                .when(new EditSanctionText(
                        MEMBER, T1, SanctionText.REASON, "spam in #general", MOD, T0.plusSeconds(10)))
                .expectEvents(new SanctionTextEdited(
                        MEMBER,
                        T1,
                        SanctionKind.TIMEOUT,
                        SanctionText.REASON,
                        "manual",
                        "spam in #general",
                        MOD,
                        T0.plusSeconds(10)));
    }

    @Test
    void theContextIsAFieldOfItsOwnAndTheSameTextTwiceChangesNothing() {
        SanctionTextEdited first = new SanctionTextEdited(
                MEMBER, T1, SanctionKind.TIMEOUT, SanctionText.CONTEXT, null, "see ticket 42", MOD, T0.plusSeconds(10));
        fixture.given(decided("t1", TIMEOUT, T0))
                .when(new EditSanctionText(MEMBER, T1, SanctionText.CONTEXT, "see ticket 42", MOD, T0.plusSeconds(10)))
                .expectEvents(first);
        fixture.given(decided("t1", TIMEOUT, T0), first)
                .when(new EditSanctionText(
                        MEMBER, T1, SanctionText.CONTEXT, " see ticket 42 ", MOD, T0.plusSeconds(20)))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void editingAnUnknownSanctionIsRefused() {
        fixture.given(decided("t1", TIMEOUT, T0))
                .when(new EditSanctionText(MEMBER, SanctionId.of("nope"), SanctionText.REASON, "x", MOD, T0))
                .expectException(CommandRefusedException.class)
                .expectExceptionMessage(containsString("error.sanction.unknown"));
    }

    @Test
    void aNewEndReschedulesTheDeadline() {
        Instant later = T0.plusSeconds(600);
        Instant end = later.plus(Duration.ofHours(3));
        fixture.givenCurrentTime(T0)
                .andGivenCommands(impose("t1", TIMEOUT, T0))
                .when(new RetimeSanction(MEMBER, T1, Duration.ofHours(3), null, MOD, "second offence", later))
                .expectEvents(new SanctionRetimed(
                        MEMBER,
                        T1,
                        SanctionKind.TIMEOUT,
                        T0.plus(Duration.ofHours(1)),
                        end,
                        MOD,
                        "second offence",
                        later))
                .expectScheduledDeadline(end, new SanctionExpiryDue(T1));
    }

    @Test
    void aRetimedSanctionExpiresAtItsNewEndOnly() {
        Instant end = T0.plus(Duration.ofHours(5));
        fixture.givenCurrentTime(T0)
                .andGivenCommands(
                        impose("t1", TIMEOUT, T0),
                        new RetimeSanction(MEMBER, T1, null, end, MOD, null, T0.plusSeconds(60)))
                .whenTimeElapses(Duration.ofHours(2))
                .expectNoEvents();
    }

    @Test
    void aPermanentBanMayGetAnEnd() {
        Instant end = T0.plus(Duration.ofDays(30));
        fixture.given(decided("b1", SanctionSpec.of(SanctionKind.BAN), T0))
                .when(new RetimeSanction(MEMBER, SanctionId.of("b1"), null, end, MOD, "appeal", T0.plusSeconds(60)))
                .expectEvents(new SanctionRetimed(
                        MEMBER, SanctionId.of("b1"), SanctionKind.BAN, null, end, MOD, "appeal", T0.plusSeconds(60)));
    }

    @Test
    void aTimeoutCannotBeStretchedBeyondDiscordsTwentyEightDays() {
        fixture.given(decided("t1", TIMEOUT, T0))
                .when(new RetimeSanction(MEMBER, T1, Duration.ofDays(29), null, MOD, null, T0.plusSeconds(60)))
                .expectException(InvalidValueException.class)
                .expectExceptionMessage(containsString("error.sanction.duration.range"))
                .expectNoEvents();
    }

    @Test
    void endedAndPermanentByNatureSanctionsCannotBeRetimed() {
        fixture.given(decided("k1", SanctionSpec.of(SanctionKind.KICK), T0))
                .when(new RetimeSanction(
                        MEMBER, SanctionId.of("k1"), Duration.ofHours(1), null, MOD, null, T0.plusSeconds(60)))
                .expectException(CommandRefusedException.class)
                .expectExceptionMessage(containsString("error.sanction.notRetimable"));
        fixture.given(decided("t1", TIMEOUT, T0))
                .when(new RetimeSanction(
                        MEMBER, T1, Duration.ofHours(1), null, MOD, null, T0.plus(Duration.ofHours(2))))
                .expectException(CommandRefusedException.class)
                .expectExceptionMessage(containsString("error.sanction.notActive"));
    }

    @Test
    void aNewEndIsADurationOrADateNotBoth() {
        assertThatThrownBy(() -> new RetimeSanction(MEMBER, T1, Duration.ofHours(1), T0, MOD, null, T0))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("error.sanction.newEnd");
        assertThatThrownBy(() -> new RetimeSanction(MEMBER, T1, null, null, MOD, null, T0))
                .isInstanceOf(InvalidValueException.class);
    }

    @Test
    void removingAnActiveSanctionSaysItMustBeLiftedAndCancelsItsEnd() {
        fixture.givenCurrentTime(T0)
                .andGivenCommands(impose("b1", TEMP_BAN, T0))
                .when(new RemoveSanction(MEMBER, SanctionId.of("b1"), MOD, "wrong member", T0.plusSeconds(60)))
                .expectEvents(new SanctionRemoved(
                        MEMBER,
                        SanctionId.of("b1"),
                        SanctionKind.BAN,
                        true,
                        MOD,
                        "wrong member",
                        null,
                        T0.plusSeconds(60)))
                .expectNoScheduledDeadlines();
    }

    @Test
    void aRemovedSanctionCannotBeEditedRemovedOrRetimedAgain() {
        SanctionRemoved removed =
                new SanctionRemoved(MEMBER, T1, SanctionKind.TIMEOUT, true, MOD, null, null, T0.plusSeconds(5));
        fixture.given(decided("t1", TIMEOUT, T0), removed)
                .when(new RemoveSanction(MEMBER, T1, MOD, null, T0.plusSeconds(60)))
                .expectException(CommandRefusedException.class)
                .expectExceptionMessage(containsString("error.sanction.removed"));
        fixture.given(decided("t1", TIMEOUT, T0), removed)
                .when(new RetimeSanction(MEMBER, T1, Duration.ofHours(1), null, MOD, null, T0.plusSeconds(60)))
                .expectException(CommandRefusedException.class)
                .expectExceptionMessage(containsString("error.sanction.removed"));
        fixture.given(decided("t1", TIMEOUT, T0), removed)
                .when(new EditSanctionText(MEMBER, T1, SanctionText.REASON, "x", MOD, T0.plusSeconds(60)))
                .expectException(CommandRefusedException.class);
    }

    @Test
    void aRemovedBanNoLongerKeepsRulesFromDecidingATimeout() {
        SanctionRule rule = new SanctionRule(
                RuleId.of("r1"),
                InfractionType.VOCABULARY,
                1,
                Duration.ofMinutes(10),
                SanctionSpec.timeout(Duration.ofMinutes(10)),
                true);
        SanctionRules rules = new SanctionRules(1, java.util.List.of(rule));
        fixture.given(
                        decided("b1", SanctionSpec.of(SanctionKind.BAN), T0),
                        new SanctionRemoved(
                                MEMBER,
                                SanctionId.of("b1"),
                                SanctionKind.BAN,
                                true,
                                MOD,
                                null,
                                null,
                                T0.plusSeconds(5)))
                .when(new RecordInfraction(
                        MEMBER,
                        InfractionId.of("m1"),
                        InfractionType.VOCABULARY,
                        MemberRecordTest.AUTOMOD,
                        null,
                        Evidence.none(),
                        T0.plusSeconds(60),
                        rules))
                .expectEventsMatching(Matchers.payloadsMatching(Matchers.exactSequenceOf(
                        Matchers.predicate(p -> p instanceof InfractionRecorded),
                        Matchers.predicate(p ->
                                p instanceof SanctionDecided d && d.sanction().kind() == SanctionKind.TIMEOUT),
                        Matchers.andNoMore())));
    }

    @Test
    void aResetRemovesEverySanctionLeftAsOneAction() {
        fixture.given(
                        decided("w1", SanctionSpec.of(SanctionKind.WARN), T0),
                        decided("t1", TIMEOUT, T0.plusSeconds(1)),
                        decided("k0", SanctionSpec.of(SanctionKind.KICK), T0),
                        new SanctionRemoved(
                                MEMBER,
                                SanctionId.of("k0"),
                                SanctionKind.KICK,
                                false,
                                MOD,
                                null,
                                null,
                                T0.plusSeconds(2)))
                .when(new ResetMemberSanctions(MEMBER, "reset-1", MOD, "fresh start", T0.plusSeconds(60)))
                .expectEvents(
                        new SanctionRemoved(
                                MEMBER,
                                T1,
                                SanctionKind.TIMEOUT,
                                true,
                                MOD,
                                "fresh start",
                                "reset-1",
                                T0.plusSeconds(60)),
                        new SanctionRemoved(
                                MEMBER,
                                SanctionId.of("w1"),
                                SanctionKind.WARN,
                                false,
                                MOD,
                                "fresh start",
                                "reset-1",
                                T0.plusSeconds(60)));
    }

    static EvidenceImage image(String sha) {
        return new EvidenceImage("https://cdn.discordapp.com/attachments/1/2/" + sha + ".png", "image/png", 2048, sha);
    }

    static EvidenceImageAttached attached(String sha) {
        return new EvidenceImageAttached(MEMBER, EvidenceTarget.SANCTION, "t1", image(sha), MOD, T0.plusSeconds(5));
    }

    @Test
    void upToThreeImagesSupportASanctionAndTheSameImageTwiceIsOne() {
        fixture.given(decided("t1", TIMEOUT, T0))
                .when(new AttachEvidenceImage(
                        MEMBER, EvidenceTarget.SANCTION, "t1", image("aa"), MOD, T0.plusSeconds(5)))
                .expectEvents(attached("aa"));
        fixture.given(decided("t1", TIMEOUT, T0), attached("aa"))
                .when(new AttachEvidenceImage(
                        MEMBER, EvidenceTarget.SANCTION, "t1", image("aa"), MOD, T0.plusSeconds(6)))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
        fixture.given(decided("t1", TIMEOUT, T0), attached("aa"), attached("bb"), attached("cc"))
                .when(new AttachEvidenceImage(
                        MEMBER, EvidenceTarget.SANCTION, "t1", image("dd"), MOD, T0.plusSeconds(6)))
                .expectException(CommandRefusedException.class)
                .expectExceptionMessage(containsString("error.evidence.tooMany"));
        fixture.given(
                        decided("t1", TIMEOUT, T0),
                        attached("aa"),
                        attached("bb"),
                        attached("cc"),
                        new EvidenceImageDetached(MEMBER, EvidenceTarget.SANCTION, "t1", "bb", MOD, T0.plusSeconds(7)))
                .when(new AttachEvidenceImage(
                        MEMBER, EvidenceTarget.SANCTION, "t1", image("dd"), MOD, T0.plusSeconds(8)))
                .expectEvents(new EvidenceImageAttached(
                        MEMBER, EvidenceTarget.SANCTION, "t1", image("dd"), MOD, T0.plusSeconds(8)));
    }

    @Test
    void imagesNeedAnExistingTargetAndOnlyHeldImagesCanBeRemoved() {
        fixture.given(decided("t1", TIMEOUT, T0))
                .when(new AttachEvidenceImage(MEMBER, EvidenceTarget.INFRACTION, "m404", image("aa"), MOD, T0))
                .expectException(CommandRefusedException.class)
                .expectExceptionMessage(containsString("error.infraction.unknown"));
        fixture.given(MemberRecordTest.recorded("m1", T0))
                .when(new AttachEvidenceImage(
                        MEMBER, EvidenceTarget.INFRACTION, "m1", image("aa"), MOD, T0.plusSeconds(1)))
                .expectEvents(new EvidenceImageAttached(
                        MEMBER, EvidenceTarget.INFRACTION, "m1", image("aa"), MOD, T0.plusSeconds(1)));
        fixture.given(decided("t1", TIMEOUT, T0), attached("aa"))
                .when(new DetachEvidenceImage(MEMBER, EvidenceTarget.SANCTION, "t1", "zz", MOD, T0.plusSeconds(9)))
                .expectException(CommandRefusedException.class)
                .expectExceptionMessage(containsString("error.evidence.unknown"));
        fixture.given(decided("t1", TIMEOUT, T0), attached("aa"))
                .when(new DetachEvidenceImage(MEMBER, EvidenceTarget.SANCTION, "t1", "aa", MOD, T0.plusSeconds(9)))
                .expectEvents(
                        new EvidenceImageDetached(MEMBER, EvidenceTarget.SANCTION, "t1", "aa", MOD, T0.plusSeconds(9)));
    }

    @Test
    void aServersResetRemovesOnlyWhatWasDecidedUpToItAndRunsAgainHarmlessly() {
        Instant reset = T0.plusSeconds(30);
        fixture.given(decided("w1", SanctionSpec.of(SanctionKind.WARN), T0), decided("t1", TIMEOUT, T0.plusSeconds(60)))
                .when(new ResetMemberSanctions(MEMBER, "server-reset:1", MOD, "new rules", T0.plusSeconds(90), reset))
                .expectEvents(new SanctionRemoved(
                        MEMBER,
                        SanctionId.of("w1"),
                        SanctionKind.WARN,
                        false,
                        MOD,
                        "new rules",
                        "server-reset:1",
                        T0.plusSeconds(90)));
        fixture.given(
                        decided("w1", SanctionSpec.of(SanctionKind.WARN), T0),
                        new SanctionRemoved(
                                MEMBER,
                                SanctionId.of("w1"),
                                SanctionKind.WARN,
                                false,
                                MOD,
                                null,
                                "server-reset:1",
                                T0.plusSeconds(90)),
                        decided("t1", TIMEOUT, T0.plusSeconds(60)))
                .when(new ResetMemberSanctions(MEMBER, "server-reset:1", MOD, "new rules", T0.plusSeconds(120), reset))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void resettingAMemberWithoutSanctionsIsRefused() {
        fixture.given(MemberRecordTest.recorded("m1", T0))
                .when(new ResetMemberSanctions(MEMBER, "reset-1", MOD, null, T0.plusSeconds(60)))
                .expectException(CommandRefusedException.class)
                .expectExceptionMessage(containsString("error.sanction.noneToReset"));
    }
}
