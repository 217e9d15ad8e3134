package warden.automod;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import warden.common.ChannelId;
import warden.common.InvalidValueException;

/** {@code /config}'s edits: every option of the document by name, values as people type them, refusals with a code. */
class AutomodOptionsTest {

    private static final AutomodSettings DEFAULTS = AutomodSettings.defaults();

    @Test
    void everySectionAndItsOptionsAreNamedAsInTheDocument() {
        assertThat(AutomodOptions.sections())
                .containsExactly(
                        "vocabulary",
                        "invites",
                        "links",
                        "caps",
                        "emojis",
                        "pings",
                        "mentions",
                        "spam",
                        "markdown",
                        "userContent");
        assertThat(AutomodOptions.options("caps"))
                .contains("enabled", "silent", "ignoredChannels", "maxPercent", "minLength");
        assertThat(AutomodOptions.options("userContent"))
                .containsExactly("enabled", "mode", "words", "invites", "links");
    }

    @Test
    void valuesAreReadAsPeopleTypeThem() {
        AutomodSettings s = AutomodOptions.with(DEFAULTS, "caps", "maxPercent", " 80 ");
        assertThat(s.caps().maxPercent()).isEqualTo(80);
        assertThat(s.vocabulary()).isEqualTo(DEFAULTS.vocabulary());
        assertThat(AutomodOptions.with(DEFAULTS, "caps", "enabled", "on").caps().enabled())
                .isTrue();
        assertThat(AutomodOptions.with(DEFAULTS, "spam", "window", "10s").spam().window())
                .isEqualTo(Duration.ofSeconds(10));
        assertThat(AutomodOptions.with(DEFAULTS, "links", "mode", "allow_only_listed")
                        .links()
                        .mode())
                .isEqualTo(LinkSettings.DomainMode.ALLOW_ONLY_LISTED);
        assertThat(AutomodOptions.with(DEFAULTS, "links", "domains", "a.com, b.org")
                        .links()
                        .domains())
                .containsExactlyInAnyOrder("a.com", "b.org");
        assertThat(AutomodOptions.with(DEFAULTS, "markdown", "forbidden", "spoiler, heading")
                        .markdown()
                        .forbidden())
                .containsExactlyInAnyOrder(MarkdownKind.SPOILER, MarkdownKind.HEADING);
        assertThat(AutomodOptions.with(DEFAULTS, "invites", "ignoredChannels", "123456789012345678")
                        .invites()
                        .ignoredChannels())
                .isEqualTo(Set.of(ChannelId.of(123456789012345678L)));
        assertThat(AutomodOptions.with(DEFAULTS, "userContent", "mode", "censor")
                        .userContent()
                        .mode())
                .isEqualTo(UserContentSettings.Mode.CENSOR);
    }

    @ParameterizedTest(name = "[{index}] {0}.{1} = \"{2}\" -> {3}")
    @CsvSource(
            delimiter = '|',
            value = {
                "caps       | loudness     | 5         | error.setting.unknown",
                "caps       | maxPercent   | lots      | error.setting.number",
                "caps       | enabled      | maybe     | error.setting.boolean",
                "spam       | window       | soon      | error.setting.value",
                "links      | mode         | sometimes | error.setting.choice",
                "markdown   | forbidden    | bold      | error.setting.choice",
            })
    void unreadableValuesAreRefusedWithTheirField(String section, String option, String value, String code) {
        assertThatThrownBy(() -> AutomodOptions.with(DEFAULTS, section.strip(), option.strip(), value.strip()))
                .isInstanceOfSatisfying(
                        InvalidValueException.class, e -> assertThat(e.code()).isEqualTo(code.strip()));
    }

    @Test
    void suggestionsFollowTheOptionsType() {
        assertThat(AutomodOptions.suggestions(DEFAULTS, "caps", "enabled")).containsExactly("true", "false");
        assertThat(AutomodOptions.suggestions(DEFAULTS, "links", "mode"))
                .contains("ALLOW_ONLY_LISTED", "FORBID_LISTED");
        assertThat(AutomodOptions.suggestions(DEFAULTS, "caps", "maxPercent"))
                .containsExactly(Integer.toString(DEFAULTS.caps().maxPercent()));
        assertThat(AutomodOptions.suggestions(DEFAULTS, "spam", "window")).containsExactly("5s");
        assertThat(AutomodOptions.suggestions(DEFAULTS, "caps", "nothing")).isEmpty();
    }
}
