package warden.sanctions;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import warden.common.Actor;
import warden.common.MemberKey;
import warden.common.UserId;

/** Acts made on Discord without Warden: the member's like any other sanction, never carried out again. */
class DiscordActsTest {

    static final MemberKey MEMBER = MemberKey.of(111, 222);
    static final Actor SOMEONE = Actor.discord(UserId.of(777));
    static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
    static final SanctionRule TWO_MANUAL = new SanctionRule(
            RuleId.of("two"),
            InfractionType.MANUAL,
            2,
            Duration.ofDays(1),
            SanctionSpec.timeout(Duration.ofHours(1)),
            true);
    static final SanctionRules RULES = new SanctionRules(3, List.of(TWO_MANUAL));

    AggregateTestFixture<MemberRecord> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(MemberRecord.class);
    }

    static RecordDiscordAct act(String id, DiscordAct act, Instant until, boolean counts, Instant at) {
        return new RecordDiscordAct(MEMBER, id, act, SOMEONE, "from the menu", until, counts, at, RULES);
    }

    static DiscordActRecorded recorded(String id, SanctionSpec spec, Instant at, Instant expiresAt) {
        return new DiscordActRecorded(
                MEMBER, SanctionId.of("discord:" + id), spec, SOMEONE, "from the menu", at, expiresAt);
    }

    static InfractionRecorded counted(String id, Instant at) {
        return new InfractionRecorded(
                MEMBER,
                InfractionId.of("discord:" + id),
                InfractionType.MANUAL,
                SOMEONE,
                "from the menu",
                Evidence.none(),
                at);
    }

    @Test
    void aBanFromTheMenuIsRecordedAppliedAndCountedOnce() {
        fixture.givenNoPriorActivity()
                .when(act("a1", DiscordAct.BAN, null, true, T0))
                .expectEvents(recorded("a1", new SanctionSpec(SanctionKind.BAN, null), T0, null), counted("a1", T0));
        fixture.givenCommands(act("a1", DiscordAct.BAN, null, true, T0))
                .when(act("a1", DiscordAct.BAN, null, true, T0))
                .expectNoEvents();
    }

    @Test
    void outsideActsCountTowardTheRulesOnlyWhenTheServerSaysSo() {
        fixture.givenCommands(act("k1", DiscordAct.KICK, null, false, T0))
                .when(act("k2", DiscordAct.KICK, null, false, T0.plusSeconds(60)))
                .expectEvents(recorded("k2", new SanctionSpec(SanctionKind.KICK, null), T0.plusSeconds(60), null));
        fixture.givenCommands(act("k1", DiscordAct.KICK, null, true, T0))
                .when(act("k2", DiscordAct.KICK, null, true, T0.plusSeconds(60)))
                .expectEventsMatching(org.axonframework.test.matchers.Matchers.payloadsMatching(
                        org.axonframework.test.matchers.Matchers.listWithAnyOf(
                                org.axonframework.test.matchers.Matchers.matches(p -> p instanceof SanctionDecided d
                                        && d.rule() != null
                                        && d.rule().rule().equals(RuleId.of("two"))))));
    }

    @Test
    void aTimeoutFromAnotherBotEndsWhenItSaid() {
        Instant until = T0.plus(Duration.ofHours(2));
        fixture.givenCurrentTime(T0)
                .andGivenCommands(act("t1", DiscordAct.TIMEOUT, until, false, T0))
                .whenTimeElapses(Duration.ofHours(3))
                .expectEvents(
                        new SanctionExpired(MEMBER, SanctionId.of("discord:t1"), SanctionKind.TIMEOUT, until, null));
    }

    @Test
    void anUnbanFromTheMenuEndsEveryBanWithoutWardenUnbanningAgain() {
        fixture.givenCommands(
                        new ImposeSanction(
                                MEMBER,
                                SanctionId.of("b1"),
                                SanctionSpec.ban(Duration.ofDays(7)),
                                Actor.moderator(UserId.of(5)),
                                "raid",
                                T0,
                                SanctionRules.NONE),
                        act("a1", DiscordAct.BAN, null, false, T0.plusSeconds(10)))
                .when(act("u1", DiscordAct.UNBAN, null, false, T0.plusSeconds(60)))
                .expectEvents(
                        recorded("u1", new SanctionSpec(SanctionKind.UNBAN, null), T0.plusSeconds(60), null),
                        new SanctionLifted(
                                MEMBER,
                                SanctionId.of("b1"),
                                SanctionKind.BAN,
                                SOMEONE,
                                "from the menu",
                                LiftCause.UNBANNED,
                                T0.plusSeconds(60)),
                        new SanctionLifted(
                                MEMBER,
                                SanctionId.of("discord:a1"),
                                SanctionKind.BAN,
                                SOMEONE,
                                "from the menu",
                                LiftCause.UNBANNED,
                                T0.plusSeconds(60)));
    }

    @Test
    void aRuleBanEndingWhileABanFromTheMenuHoldsLeavesTheMemberBanned() {
        fixture.givenCurrentTime(T0)
                .andGivenCommands(
                        new ImposeSanction(
                                MEMBER,
                                SanctionId.of("rule-ban"),
                                SanctionSpec.ban(Duration.ofDays(1)),
                                Actor.rule("spam3"),
                                null,
                                T0,
                                SanctionRules.NONE),
                        act("a1", DiscordAct.BAN, null, false, T0.plusSeconds(10)))
                .whenTimeElapses(Duration.ofDays(2))
                .expectEvents(new SanctionExpired(
                        MEMBER,
                        SanctionId.of("rule-ban"),
                        SanctionKind.BAN,
                        T0.plus(Duration.ofDays(1)),
                        new HeldBy(SanctionId.of("discord:a1"), null)));
    }
}
