package warden.sanctions;

import static java.time.temporal.ChronoUnit.DAYS;
import static java.time.temporal.ChronoUnit.MINUTES;
import static java.time.temporal.ChronoUnit.SECONDS;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import warden.common.Actor;
import warden.common.MemberKey;
import warden.common.UserId;

/** "N infractions of type X within window W -> sanction", decided inside MemberRecord from event time only. */
class MemberRecordRulesTest {

    static final MemberKey MEMBER = MemberKey.of(111, 222);
    static final Actor AUTOMOD = Actor.automod("vocabulary");
    static final Actor MOD = Actor.moderator(UserId.of(333));
    static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

    static final SanctionRule VOCAB_3_IN_10M = new SanctionRule(
            RuleId.of("vocab3"),
            InfractionType.VOCABULARY,
            3,
            Duration.ofMinutes(10),
            SanctionSpec.timeout(Duration.ofHours(1)),
            true);
    static final SanctionRule ANY_5_IN_7D =
            new SanctionRule(RuleId.of("any5"), null, 5, Duration.ofDays(7), SanctionSpec.ban(null), true);
    static final SanctionRule WARN_2_IN_1D = new SanctionRule(
            RuleId.of("warn2"),
            InfractionType.WARNING,
            2,
            Duration.ofDays(1),
            SanctionSpec.of(SanctionKind.KICK),
            true);
    static final SanctionRules RULES = new SanctionRules(7, List.of(VOCAB_3_IN_10M, ANY_5_IN_7D, WARN_2_IN_1D));

    AggregateTestFixture<MemberRecord> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(MemberRecord.class);
    }

    static InfractionRecorded infraction(String id, InfractionType type, Instant at) {
        return new InfractionRecorded(MEMBER, InfractionId.of(id), type, AUTOMOD, null, Evidence.none(), at);
    }

    static InfractionRecorded vocab(String id, Instant at) {
        return infraction(id, InfractionType.VOCABULARY, at);
    }

    static RecordInfraction record(String id, InfractionType type, Instant at, SanctionRules rules) {
        return new RecordInfraction(MEMBER, InfractionId.of(id), type, AUTOMOD, null, Evidence.none(), at, rules);
    }

    static RecordInfraction recordVocab(String id, Instant at) {
        return record(id, InfractionType.VOCABULARY, at, RULES);
    }

    static SanctionDecided decidedBy(
            SanctionRule rule,
            String trigger,
            Instant at,
            List<String> counted,
            List<RuleDecision.Outranked> outranked) {
        RuleDecision decision = new RuleDecision(
                rule.id(),
                RULES.policyVersion(),
                rule.countedType(),
                rule.threshold(),
                rule.window(),
                counted.stream().map(InfractionId::of).toList(),
                outranked);
        return new SanctionDecided(
                MEMBER,
                SanctionId.of("rule:" + rule.id() + ":" + trigger),
                rule.sanction(),
                Actor.rule(rule.id().value()),
                null,
                decision,
                at,
                rule.sanction().expiresAt(at));
    }

    @Test
    void theThirdVocabularyInfractionWithinTenMinutesDecidesATimeout() {
        Instant at = T0.plus(9, MINUTES);
        fixture.given(vocab("m1", T0), vocab("m2", T0.plus(4, MINUTES)))
                .when(recordVocab("m3", at))
                .expectEvents(
                        vocab("m3", at), decidedBy(VOCAB_3_IN_10M, "m3", at, List.of("m1", "m2", "m3"), List.of()));
    }

    @Test
    void anInfractionExactlyAtTheWindowEdgeCounts() {
        Instant at = T0.plus(10, MINUTES);
        fixture.given(vocab("m1", T0), vocab("m2", T0.plus(5, MINUTES)))
                .when(recordVocab("m3", at))
                .expectEvents(
                        vocab("m3", at), decidedBy(VOCAB_3_IN_10M, "m3", at, List.of("m1", "m2", "m3"), List.of()));
    }

    @Test
    void anInfractionJustOutsideTheWindowDoesNotCount() {
        Instant at = T0.plus(10, MINUTES).plus(1, SECONDS);
        fixture.given(vocab("m1", T0), vocab("m2", T0.plus(5, MINUTES)))
                .when(recordVocab("m3", at))
                .expectEvents(vocab("m3", at));
    }

    @Test
    void aTypedRuleIgnoresOtherTypes() {
        fixture.given(infraction("c1", InfractionType.CAPS, T0), vocab("m2", T0.plus(1, MINUTES)))
                .when(recordVocab("m3", T0.plus(2, MINUTES)))
                .expectEvents(vocab("m3", T0.plus(2, MINUTES)));
    }

    @Test
    void anAnyRuleCountsEveryType() {
        Instant at = T0.plus(6, DAYS);
        fixture.given(
                        infraction("a1", InfractionType.CAPS, T0),
                        infraction("a2", InfractionType.SPAM, T0.plus(1, DAYS)),
                        infraction("a3", InfractionType.LINK, T0.plus(2, DAYS)),
                        vocab("a4", T0.plus(3, DAYS)))
                .when(record("a5", InfractionType.EMOJI, at, RULES))
                .expectEvents(
                        infraction("a5", InfractionType.EMOJI, at),
                        decidedBy(ANY_5_IN_7D, "a5", at, List.of("a1", "a2", "a3", "a4", "a5"), List.of()));
    }

    @Test
    void aPardonedInfractionDoesNotCountAndPreventsTheSanction() {
        Instant at = T0.plus(3, MINUTES);
        fixture.given(
                        vocab("m1", T0),
                        vocab("m2", T0.plus(1, MINUTES)),
                        new InfractionPardoned(
                                MEMBER, InfractionId.of("m1"), MOD, "false positive", T0.plus(2, MINUTES)))
                .when(recordVocab("m3", at))
                .expectEvents(vocab("m3", at));
    }

    @Test
    void manualWarningsCountLikeAutomaticInfractions() {
        Instant at = T0.plus(2, MINUTES);
        InfractionRecorded firstWarning = new InfractionRecorded(
                MEMBER, InfractionId.of("warn:w1"), InfractionType.WARNING, MOD, "rude", Evidence.none(), T0);
        SanctionDecided warn2 = new SanctionDecided(
                MEMBER, SanctionId.of("w2"), SanctionSpec.of(SanctionKind.WARN), MOD, "again", null, at, null);
        InfractionRecorded secondWarning = new InfractionRecorded(
                MEMBER, InfractionId.of("warn:w2"), InfractionType.WARNING, MOD, "again", Evidence.none(), at);
        fixture.given(firstWarning)
                .when(new ImposeSanction(
                        MEMBER, SanctionId.of("w2"), SanctionSpec.of(SanctionKind.WARN), MOD, "again", at, RULES))
                .expectEvents(
                        warn2,
                        secondWarning,
                        decidedBy(WARN_2_IN_1D, "warn:w2", at, List.of("warn:w1", "warn:w2"), List.of()));
    }

    @Test
    void aRuleNeverFiresTwiceOnTheSameInfractions() {
        Instant third = T0.plus(2, MINUTES);
        fixture.given(
                        vocab("m1", T0),
                        vocab("m2", T0.plus(1, MINUTES)),
                        vocab("m3", third),
                        decidedBy(VOCAB_3_IN_10M, "m3", third, List.of("m1", "m2", "m3"), List.of()))
                .when(recordVocab("m4", T0.plus(3, MINUTES)))
                .expectEvents(vocab("m4", T0.plus(3, MINUTES)));
    }

    @Test
    void aRuleFiresAgainOnThreeFreshInfractions() {
        // six infractions would also reach the "any 5" rule: this test looks at the vocabulary rule alone
        SanctionRules vocabularyOnly = new SanctionRules(RULES.policyVersion(), List.of(VOCAB_3_IN_10M));
        Instant third = T0.plus(2, MINUTES);
        Instant sixth = T0.plus(5, MINUTES);
        fixture.given(
                        vocab("m1", T0),
                        vocab("m2", T0.plus(1, MINUTES)),
                        vocab("m3", third),
                        decidedBy(VOCAB_3_IN_10M, "m3", third, List.of("m1", "m2", "m3"), List.of()),
                        vocab("m4", T0.plus(3, MINUTES)),
                        vocab("m5", T0.plus(4, MINUTES)))
                .when(record("m6", InfractionType.VOCABULARY, sixth, vocabularyOnly))
                .expectEvents(
                        vocab("m6", sixth),
                        decidedBy(VOCAB_3_IN_10M, "m6", sixth, List.of("m4", "m5", "m6"), List.of()));
    }

    @Test
    void aBannedMemberIsNotTimedOutByARuleAnyMore() {
        SanctionRules vocabularyOnly = new SanctionRules(RULES.policyVersion(), List.of(VOCAB_3_IN_10M));
        Instant third = T0.plus(2, MINUTES);
        fixture.given(
                        vocab("m1", T0),
                        vocab("m2", T0.plus(1, MINUTES)),
                        new SanctionDecided(
                                MEMBER,
                                SanctionId.of("ban-1"),
                                SanctionSpec.ban(null),
                                Actor.moderator(UserId.of(5)),
                                "raid",
                                null,
                                T0.plus(90, java.time.temporal.ChronoUnit.SECONDS),
                                null))
                .when(record("m3", InfractionType.VOCABULARY, third, vocabularyOnly))
                .expectEvents(vocab("m3", third));
    }

    @Test
    void whenSeveralRulesFireTheMostSevereWinsAndTheOthersAreConsumed() {
        Instant at = T0.plus(4, MINUTES);
        RuleDecision.Outranked timeout = new RuleDecision.Outranked(
                VOCAB_3_IN_10M.id(),
                VOCAB_3_IN_10M.sanction(),
                List.of("v3", "v4", "v5").stream().map(InfractionId::of).toList());
        fixture.given(
                        infraction("c1", InfractionType.CAPS, T0),
                        infraction("c2", InfractionType.CAPS, T0.plus(1, MINUTES)),
                        vocab("v3", T0.plus(2, MINUTES)),
                        vocab("v4", T0.plus(3, MINUTES)))
                .when(recordVocab("v5", at))
                .expectEvents(
                        vocab("v5", at),
                        decidedBy(ANY_5_IN_7D, "v5", at, List.of("c1", "c2", "v3", "v4", "v5"), List.of(timeout)));
    }

    @Test
    void anOutrankedRuleDoesNotFireOnTheNextInfraction() {
        Instant fifth = T0.plus(4, MINUTES);
        RuleDecision.Outranked timeout = new RuleDecision.Outranked(
                VOCAB_3_IN_10M.id(),
                VOCAB_3_IN_10M.sanction(),
                List.of("v3", "v4", "v5").stream().map(InfractionId::of).toList());
        fixture.given(
                        infraction("c1", InfractionType.CAPS, T0),
                        infraction("c2", InfractionType.CAPS, T0.plus(1, MINUTES)),
                        vocab("v3", T0.plus(2, MINUTES)),
                        vocab("v4", T0.plus(3, MINUTES)),
                        vocab("v5", fifth),
                        decidedBy(ANY_5_IN_7D, "v5", fifth, List.of("c1", "c2", "v3", "v4", "v5"), List.of(timeout)))
                .when(recordVocab("v6", T0.plus(5, MINUTES)))
                .expectEvents(vocab("v6", T0.plus(5, MINUTES)));
    }

    @Test
    void aDisabledRuleDoesNotFire() {
        SanctionRules disabled = new SanctionRules(8, List.of(VOCAB_3_IN_10M.withEnabled(false)));
        fixture.given(vocab("m1", T0), vocab("m2", T0.plus(1, MINUTES)))
                .when(record("m3", InfractionType.VOCABULARY, T0.plus(2, MINUTES), disabled))
                .expectEvents(vocab("m3", T0.plus(2, MINUTES)));
    }

    @Test
    void aTemporaryBanRuleSchedulesItsEnd() {
        SanctionRule tempBan = new SanctionRule(
                RuleId.of("tb"),
                InfractionType.SPAM,
                1,
                Duration.ofMinutes(1),
                SanctionSpec.ban(Duration.ofDays(3)),
                true);
        SanctionRules rules = new SanctionRules(2, List.of(tempBan));
        fixture.givenNoPriorActivity()
                .when(record("s1", InfractionType.SPAM, T0, rules))
                .expectScheduledDeadlineWithName(T0.plus(3, DAYS), MemberRecord.EXPIRY_DEADLINE_PREFIX + "rule:tb:s1");
    }

    @Test
    void anInfractionArrivingLateIsCountedByItsOwnTime() {
        // m3 (at 9 minutes) was recorded first, m2 (4 minutes) next; m1 (at 0) arrives last: all three lie within
        // ten minutes of each other, so the rule fires on the late one
        Instant late = T0;
        fixture.given(vocab("m3", T0.plus(9, MINUTES)), vocab("m2", T0.plus(4, MINUTES)))
                .when(recordVocab("m1", late))
                .expectEvents(
                        vocab("m1", late), decidedBy(VOCAB_3_IN_10M, "m1", late, List.of("m1", "m2", "m3"), List.of()));
    }

    @Test
    void aLateInfractionTooFarFromTheOthersDoesNotFire() {
        fixture.given(vocab("m3", T0.plus(12, MINUTES)), vocab("m2", T0.plus(11, MINUTES)))
                .when(recordVocab("m1", T0))
                .expectEvents(vocab("m1", T0));
    }

    /** Replaying the stored events rebuilds the same state: the next command decides exactly as it did live. */
    @Test
    void replayedEventsLeadToTheSameDecisionAsLiveCommands() {
        Instant at = T0.plus(9, MINUTES);
        SanctionDecided expected = decidedBy(VOCAB_3_IN_10M, "m3", at, List.of("m1", "m2", "m3"), List.of());
        fixture.givenCommands(recordVocab("m1", T0), recordVocab("m2", T0.plus(4, MINUTES)))
                .when(recordVocab("m3", at))
                .expectEvents(vocab("m3", at), expected);
        new AggregateTestFixture<>(MemberRecord.class)
                .given(vocab("m1", T0), vocab("m2", T0.plus(4, MINUTES)))
                .when(recordVocab("m3", at))
                .expectEvents(vocab("m3", at), expected);
    }

    @Test
    void withoutRulesNothingIsDecided() {
        fixture.given(vocab("m1", T0), vocab("m2", T0.plus(1, MINUTES)))
                .when(record("m3", InfractionType.VOCABULARY, T0.plus(2, MINUTES), null))
                .expectEvents(vocab("m3", T0.plus(2, MINUTES)));
    }
}
