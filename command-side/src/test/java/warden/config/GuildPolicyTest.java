package warden.config;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import warden.automod.AutomodSettings;
import warden.automod.CapsSettings;
import warden.automod.InviteSettings;
import warden.automod.VocabularySettings;
import warden.common.Actor;
import warden.common.CommandRefusedException;
import warden.common.GuildId;
import warden.common.InvalidValueException;
import warden.common.UserId;
import warden.sanctions.InfractionType;
import warden.sanctions.RuleId;
import warden.sanctions.SanctionRule;
import warden.sanctions.SanctionSpec;

class GuildPolicyTest {

    static final GuildId GUILD = GuildId.of(1001);
    static final Actor ADMIN = Actor.moderator(UserId.of(9));
    static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

    AggregateTestFixture<GuildPolicy> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(GuildPolicy.class);
    }

    static SanctionRule rule(String id) {
        return new SanctionRule(
                RuleId.of(id),
                InfractionType.SPAM,
                3,
                Duration.ofMinutes(10),
                SanctionSpec.timeout(Duration.ofHours(1)),
                true);
    }

    static List<Object> rulesAdded(int count) {
        List<Object> events = new ArrayList<>();
        for (int i = 1; i <= count; i++) events.add(new SanctionRuleAdded(GUILD, rule("r" + i), i, ADMIN, T0));
        return events;
    }

    @Test
    void aFirstRuleCreatesThePolicyAtVersionOne() {
        fixture.givenNoPriorActivity()
                .when(new AddSanctionRule(GUILD, rule("r1"), ADMIN, T0))
                .expectEvents(new SanctionRuleAdded(GUILD, rule("r1"), 1, ADMIN, T0))
                .expectResultMessagePayload(1L);
    }

    @Test
    void theEleventhRuleIsRefused() {
        fixture.given(rulesAdded(10))
                .when(new AddSanctionRule(GUILD, rule("r11"), ADMIN, T0))
                .expectException(CommandRefusedException.class)
                .expectExceptionMessage(Matchers.containsString("error.rule.limit [10]"))
                .expectNoEvents();
    }

    @Test
    void aPremiumGuildMayHaveFiftyRulesButNotFiftyOne() {
        List<Object> given = new ArrayList<>();
        given.add(new PremiumChanged(GUILD, true, 1, Actor.system("operator"), T0));
        for (int i = 1; i <= 49; i++) given.add(new SanctionRuleAdded(GUILD, rule("r" + i), i + 1, ADMIN, T0));
        fixture.given(given)
                .when(new AddSanctionRule(GUILD, rule("r50"), ADMIN, T0))
                .expectEvents(new SanctionRuleAdded(GUILD, rule("r50"), 51, ADMIN, T0));
        given.add(new SanctionRuleAdded(GUILD, rule("r50"), 51, ADMIN, T0));
        new AggregateTestFixture<>(GuildPolicy.class)
                .given(given)
                .when(new AddSanctionRule(GUILD, rule("r51"), ADMIN, T0))
                .expectException(CommandRefusedException.class)
                .expectExceptionMessage(Matchers.containsString("error.rule.limit [50]"));
    }

    @Test
    void aDuplicateRuleIdIsRefused() {
        fixture.given(rulesAdded(1))
                .when(new AddSanctionRule(GUILD, rule("r1"), ADMIN, T0))
                .expectException(CommandRefusedException.class)
                .expectNoEvents();
    }

    @Test
    void aChangeRecordsBeforeAndAfter() {
        SanctionRule after =
                new SanctionRule(RuleId.of("r1"), null, 5, Duration.ofDays(1), SanctionSpec.ban(null), true);
        fixture.given(rulesAdded(1))
                .when(new ChangeSanctionRule(GUILD, after, ADMIN, T0))
                .expectEvents(new SanctionRuleChanged(GUILD, rule("r1"), after, 2, ADMIN, T0));
    }

    @Test
    void changingAnUnknownRuleIsRefused() {
        fixture.givenNoPriorActivity()
                .when(new ChangeSanctionRule(GUILD, rule("nope"), ADMIN, T0))
                .expectException(CommandRefusedException.class)
                .expectExceptionMessage(Matchers.containsString("error.rule.unknown"));
    }

    @Test
    void disablingAndRemoving() {
        fixture.given(rulesAdded(2))
                .when(new SetSanctionRuleEnabled(GUILD, RuleId.of("r2"), false, ADMIN, T0))
                .expectEvents(new SanctionRuleEnabledChanged(GUILD, RuleId.of("r2"), false, 3, ADMIN, T0));
        new AggregateTestFixture<>(GuildPolicy.class)
                .given(rulesAdded(2))
                .when(new RemoveSanctionRule(GUILD, RuleId.of("r1"), ADMIN, T0))
                .expectEvents(new SanctionRuleRemoved(GUILD, RuleId.of("r1"), 3, ADMIN, T0));
    }

    @Test
    void automodSettingsNameTheModulesThatChanged() {
        AutomodSettings settings = new AutomodSettings(
                new VocabularySettings(true, false, null, null, List.of("chat*"), null, false, true),
                null,
                null,
                new CapsSettings(true, true, null, null, 80, 12),
                null,
                null,
                null,
                null,
                null,
                null);
        fixture.givenNoPriorActivity()
                .when(new ConfigureAutomod(GUILD, settings, null, ADMIN, T0))
                .expectEvents(new AutomodConfigured(GUILD, settings, List.of("vocabulary", "caps"), 1, ADMIN, T0));
    }

    @Test
    void unchangedSettingsAreANoOp() {
        AutomodSettings settings = AutomodSettings.defaults();
        fixture.given(new AutomodConfigured(
                        GUILD,
                        new AutomodSettings(
                                null,
                                null,
                                null,
                                new CapsSettings(true, false, null, null, 70, 10),
                                null,
                                null,
                                null,
                                null,
                                null,
                                null),
                        List.of("caps"),
                        1,
                        ADMIN,
                        T0))
                .when(new ConfigureAutomod(
                        GUILD,
                        new AutomodSettings(
                                null,
                                null,
                                null,
                                new CapsSettings(true, false, null, null, 70, 10),
                                null,
                                null,
                                null,
                                null,
                                null,
                                null),
                        1L,
                        ADMIN,
                        T0))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aStaleEditorIsRefused() {
        fixture.given(rulesAdded(2))
                .when(new ConfigureAutomod(GUILD, AutomodSettings.defaults(), 1L, ADMIN, T0))
                .expectException(CommandRefusedException.class)
                .expectExceptionMessage(Matchers.containsString("error.policy.versionConflict"));
    }

    @Test
    void immuneServersArePremiumOnly() {
        AutomodSettings settings = new AutomodSettings(
                null,
                new InviteSettings(true, false, null, null, null, Set.of(GuildId.of(5)), false),
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null);
        fixture.givenNoPriorActivity()
                .when(new ConfigureAutomod(GUILD, settings, null, ADMIN, T0))
                .expectException(InvalidValueException.class)
                .expectNoEvents();
        new AggregateTestFixture<>(GuildPolicy.class)
                .given(new PremiumChanged(GUILD, true, 1, Actor.system("operator"), T0))
                .when(new ConfigureAutomod(GUILD, settings, null, ADMIN, T0))
                .expectEvents(new AutomodConfigured(GUILD, settings, List.of("invites"), 2, ADMIN, T0));
    }

    @Test
    void invalidSettingsCannotBeSent() {
        assertThatThrownBy(() -> configure(new CapsSettings(true, false, null, null, 150, 10)))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("error.setting.range")
                .extracting(e -> ((InvalidValueException) e).field())
                .isEqualTo("caps.maxPercent");
        assertThatThrownBy(() -> configure(
                        new VocabularySettings(true, false, null, null, List.of("ok", "  "), null, false, false)))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("error.vocabulary.empty");
        assertThatThrownBy(() ->
                        configure(new VocabularySettings(true, false, null, null, List.of("*"), null, false, false)))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("error.vocabulary.empty");
        List<String> tooMany = new ArrayList<>();
        for (int i = 0; i <= warden.automod.AutomodLimits.MAX_WORDS; i++) tooMany.add("w" + i);
        assertThatThrownBy(
                        () -> configure(new VocabularySettings(true, false, null, null, tooMany, null, false, false)))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("error.setting.tooMany");
        assertThatThrownBy(() -> new AddSanctionRule(
                        GUILD,
                        new SanctionRule(RuleId.of("x"), null, 0, Duration.ofMinutes(5), SanctionSpec.ban(null), true),
                        ADMIN,
                        T0))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("error.rule.threshold");
        assertThatThrownBy(() -> new AddSanctionRule(
                        GUILD,
                        new SanctionRule(RuleId.of("x"), null, 3, Duration.ofDays(31), SanctionSpec.ban(null), true),
                        ADMIN,
                        T0))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("error.rule.window");
    }

    private static ConfigureAutomod configure(CapsSettings caps) {
        return new ConfigureAutomod(
                GUILD,
                new AutomodSettings(null, null, null, caps, null, null, null, null, null, null),
                null,
                ADMIN,
                T0);
    }

    private static ConfigureAutomod configure(VocabularySettings vocabulary) {
        return new ConfigureAutomod(
                GUILD,
                new AutomodSettings(vocabulary, null, null, null, null, null, null, null, null, null),
                null,
                ADMIN,
                T0);
    }

    @Test
    void premiumOffOnANewGuildIsANoOp() {
        fixture.givenNoPriorActivity()
                .when(new SetPremium(GUILD, false, Actor.system("operator"), T0))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }
}
