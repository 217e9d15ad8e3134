package warden.sanctions;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import warden.common.Actor;
import warden.common.MemberKey;

/**
 * The backtest tells an admin what the rules would have done; the member record does it. Each history runs through
 * both, in the same arrival order: they must decide the same sanctions, on the same infractions, by the same rules.
 */
class RuleDecisionAgreementTest {

    private static final MemberKey MEMBER = MemberKey.of(111, 222);
    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

    private static final SanctionRule VOCAB_3_IN_10M = rule(
            "vocab3",
            InfractionType.VOCABULARY,
            3,
            Duration.ofMinutes(10),
            SanctionSpec.timeout(Duration.ofMinutes(30)));
    private static final SanctionRule SPAM_2_IN_1H_BAN =
            rule("spam2", InfractionType.SPAM, 2, Duration.ofHours(1), SanctionSpec.ban(Duration.ofHours(1)));
    private static final SanctionRule ANY_4_IN_1D_KICK =
            rule("any4", null, 4, Duration.ofDays(1), SanctionSpec.of(SanctionKind.KICK));
    private static final SanctionRule VOCAB_3_IN_2H = rule(
            "vocab3in2h",
            InfractionType.VOCABULARY,
            3,
            Duration.ofHours(2),
            SanctionSpec.timeout(Duration.ofMinutes(30)));
    private static final SanctionRule VOCAB_2_IN_10M_WARN =
            rule("vocab2", InfractionType.VOCABULARY, 2, Duration.ofMinutes(10), SanctionSpec.of(SanctionKind.WARN));

    /** One infraction as it arrives: its id, type and time (minutes after T0). */
    record Step(String id, InfractionType type, int minute) {}

    static Stream<Arguments> histories() {
        return Stream.of(
                Arguments.of(
                        "three in order reach the threshold",
                        List.of(VOCAB_3_IN_10M),
                        List.of(v("m1", 0), v("m2", 4), v("m3", 9))),
                Arguments.of(
                        "the window slides: old ones fall out",
                        List.of(VOCAB_3_IN_10M),
                        List.of(v("m1", 0), v("m2", 6), v("m3", 12), v("m4", 14), v("m5", 30))),
                Arguments.of(
                        "a late infraction meets those around its own time",
                        List.of(VOCAB_3_IN_10M),
                        List.of(v("m1", 9), v("m2", 12), v("m3", 5))),
                Arguments.of(
                        "counted infractions are not counted again",
                        List.of(VOCAB_3_IN_10M),
                        List.of(v("m1", 0), v("m2", 1), v("m3", 2), v("m4", 3), v("m5", 4), v("m6", 5))),
                Arguments.of(
                        "two rules at once: the most severe wins, the other is consumed",
                        List.of(VOCAB_3_IN_10M, VOCAB_2_IN_10M_WARN),
                        List.of(v("m1", 0), v("m2", 1), v("m3", 2), v("m4", 3))),
                Arguments.of(
                        "a ban holds back lighter sanctions without using up what they counted",
                        List.of(SPAM_2_IN_1H_BAN, VOCAB_3_IN_2H),
                        List.of(s("s1", 0), s("s2", 1), v("m1", 2), v("m2", 3), v("m3", 4), v("m4", 62))),
                Arguments.of(
                        "any type counts every infraction",
                        List.of(ANY_4_IN_1D_KICK, SPAM_2_IN_1H_BAN),
                        List.of(v("m1", 0), s("s1", 60), v("m2", 120), s("s2", 200), v("m3", 300))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("histories")
    void theBacktestDecidesWhatTheMemberRecordDecides(String history, List<SanctionRule> list, List<Step> steps) {
        SanctionRules rules = new SanctionRules(1, list);
        assertThat(simulated(rules, steps)).as(history).isEqualTo(recorded(rules, steps));
    }

    /** "rule on trigger" for every sanction the member record decided. */
    private static List<String> recorded(SanctionRules rules, List<Step> steps) {
        AggregateTestFixture<MemberRecord> fixture = new AggregateTestFixture<>(MemberRecord.class);
        fixture.givenCommands(steps.stream()
                .map(s -> (Object) new RecordInfraction(
                        MEMBER,
                        InfractionId.of(s.id()),
                        s.type(),
                        Actor.automod("test"),
                        null,
                        Evidence.none(),
                        T0.plus(Duration.ofMinutes(s.minute())),
                        rules))
                .toList());
        return fixture.getEventStore()
                .readEvents(MEMBER.toString())
                .asStream()
                .map(m -> m.getPayload())
                .filter(p -> p instanceof SanctionDecided d && d.rule() != null)
                .map(p -> describe(
                        ((SanctionDecided) p).rule().rule(),
                        ((SanctionDecided) p).sanctionId().value()))
                .toList();
    }

    private static List<String> simulated(SanctionRules rules, List<Step> steps) {
        RuleSimulation simulation = new RuleSimulation(rules);
        steps.forEach(s -> simulation.infraction(
                MEMBER.user(), InfractionId.of(s.id()), s.type(), T0.plus(Duration.ofMinutes(s.minute()))));
        return simulation.decisions().stream()
                .map(d -> describe(d.rule(), "rule:" + d.rule() + ":" + d.trigger()))
                .toList();
    }

    private static String describe(RuleId rule, String sanctionId) {
        return rule.value() + " on " + sanctionId.substring(sanctionId.lastIndexOf(':') + 1);
    }

    private static SanctionRule rule(
            String id, InfractionType type, int threshold, Duration window, SanctionSpec sanction) {
        return new SanctionRule(RuleId.of(id), type, threshold, window, sanction, true);
    }

    private static Step v(String id, int minute) {
        return new Step(id, InfractionType.VOCABULARY, minute);
    }

    private static Step s(String id, int minute) {
        return new Step(id, InfractionType.SPAM, minute);
    }
}
