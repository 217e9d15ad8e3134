package warden.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;

import java.time.Instant;
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
import warden.sanctions.SanctionKind;

/** The moderation settings document: versioned like the rest of the policy, templates checked when set. */
class ModerationSettingsTest {

    static final GuildId GUILD = GuildId.of(1001);
    static final Actor ADMIN = Actor.moderator(UserId.of(9));
    static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
    static final ModerationSettings DMS = new ModerationSettings(
            true,
            false,
            Set.of(SanctionKind.WARN, SanctionKind.BAN),
            "{member}, you got a {kind} on {server}: {reason}",
            true);

    AggregateTestFixture<GuildPolicy> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(GuildPolicy.class);
    }

    @Test
    void newSettingsAreANewPolicyVersionAndTheSameOnesChangeNothing() {
        fixture.givenNoPriorActivity()
                .when(new ConfigureModeration(GUILD, DMS, null, ADMIN, T0))
                .expectEvents(new ModerationConfigured(GUILD, DMS, 1, ADMIN, T0))
                .expectResultMessagePayload(1L);
        fixture.given(new ModerationConfigured(GUILD, DMS, 1, ADMIN, T0))
                .when(new ConfigureModeration(GUILD, DMS, 1L, ADMIN, T0.plusSeconds(5)))
                .expectNoEvents();
        fixture.given(new ModerationConfigured(GUILD, DMS, 1, ADMIN, T0))
                .when(new ConfigureModeration(GUILD, ModerationSettings.defaults(), 0L, ADMIN, T0.plusSeconds(5)))
                .expectException(CommandRefusedException.class)
                .expectExceptionMessage(containsString("error.policy.versionConflict"));
    }

    @Test
    void aTemplateNamingAnUnknownPlaceholderOrTooLongIsRefused() {
        assertThatThrownBy(() -> new ConfigureModeration(
                        GUILD, new ModerationSettings(true, false, null, "hello {name}", false), null, ADMIN, T0))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> {
                    assertThat(e.code()).isEqualTo("error.moderation.placeholder");
                    assertThat(e.field()).isEqualTo("dmTemplate");
                });
        assertThatThrownBy(() -> new ConfigureModeration(
                        GUILD, new ModerationSettings(true, false, null, "x".repeat(1501), false), null, ADMIN, T0))
                .isInstanceOf(InvalidValueException.class);
    }

    @Test
    void presetsAreCheckedLikeTheSanctionsTheyMake() {
        java.util.function.Function<java.util.List<ModerationSettings.Preset>, ModerationSettings> with =
                presets -> new ModerationSettings(true, false, null, null, false, presets);
        java.util.List<ModerationSettings.Preset> many = java.util.stream.IntStream.range(0, 26)
                .mapToObj(i -> new ModerationSettings.Preset("p" + i, SanctionKind.KICK, null, null, null, null))
                .toList();
        assertThatThrownBy(() -> with.apply(many).validate())
                .isInstanceOfSatisfying(
                        InvalidValueException.class, e -> assertThat(e.code()).isEqualTo("error.setting.tooMany"));
        assertThatThrownBy(() -> with.apply(java.util.List.of(
                                new ModerationSettings.Preset("spam", SanctionKind.KICK, null, null, null, null),
                                new ModerationSettings.Preset("SPAM", SanctionKind.WARN, null, null, null, null)))
                        .validate())
                .isInstanceOfSatisfying(
                        InvalidValueException.class, e -> assertThat(e.code()).isEqualTo("error.preset.duplicate"));
        assertThatThrownBy(() -> with.apply(java.util.List.of(
                                new ModerationSettings.Preset("mute", SanctionKind.TIMEOUT, null, null, null, null)))
                        .validate())
                .isInstanceOfSatisfying(InvalidValueException.class, e -> {
                    assertThat(e.code()).isEqualTo("error.sanction.duration.required");
                    assertThat(e.field()).isEqualTo("presets.duration");
                });
        assertThatThrownBy(() -> with.apply(java.util.List.of(
                                new ModerationSettings.Preset("purge", SanctionKind.KICK, null, null, 3, null)))
                        .validate())
                .isInstanceOfSatisfying(
                        InvalidValueException.class,
                        e -> assertThat(e.code()).isEqualTo("error.sanction.deleteDays.banOnly"));
        assertThat(with.apply(many.subList(0, 25)).validate().preset("P3")).isPresent();
    }

    @Test
    void placeholdersAreFilledAndOtherBracesKept() {
        assertThat(ModerationSettings.fill(
                        "{member} got a {kind} {not-one} {}", Map.of("member", "<@1>", "kind", "ban")))
                .isEqualTo("<@1> got a ban {not-one} {}");
        assertThat(PolicyDocument.initial(GUILD)
                        .apply(new ModerationConfigured(GUILD, DMS, 1, ADMIN, T0))
                        .moderation())
                .isEqualTo(DMS);
        assertThat(ModerationSettings.defaults().dmKinds()).containsExactly(SanctionKind.WARN);
    }
}
