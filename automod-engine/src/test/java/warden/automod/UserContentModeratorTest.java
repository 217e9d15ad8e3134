package warden.automod;

import static org.assertj.core.api.Assertions.assertThat;
import static warden.automod.Policies.GUILD;

import java.util.List;
import org.junit.jupiter.api.Test;
import warden.config.PolicyDocument;

/** User-content moderation reuses the vocabulary, invite and link rules, in block or censor mode. */
class UserContentModeratorTest {

    private final UserContentModerator moderator = new UserContentModerator(DetectionEngine.offline());

    private static PolicyDocument policy(UserContentSettings.Mode mode, boolean links) {
        AutomodSettings settings = new AutomodSettings(
                new VocabularySettings(false, false, null, null, List.of("idiot"), null, false, false),
                null,
                new LinkSettings(
                        false,
                        false,
                        null,
                        null,
                        LinkSettings.DomainMode.ALLOW_ONLY_LISTED,
                        java.util.Set.of("ok.com"),
                        false),
                null,
                null,
                null,
                null,
                null,
                null,
                new UserContentSettings(true, mode, true, true, links));
        return new PolicyDocument(GUILD, 4, false, settings, List.of());
    }

    @Test
    void blockModeRefusesWithTheReasons() {
        UserContentModerator.Result result =
                moderator.check("room of the idiot, see discord.gg/abc", policy(UserContentSettings.Mode.BLOCK, true));
        assertThat(result.allowed()).isFalse();
        assertThat(result.reasonCodes())
                .containsExactlyInAnyOrder("automod.reason.vocabulary", "automod.reason.invite");
    }

    @Test
    void censorModeMasksAndGoesOn() {
        UserContentModerator.Result result = moderator.check(
                "idiot at https://bad.example/x and ok.com", policy(UserContentSettings.Mode.CENSOR, true));
        assertThat(result.allowed()).isTrue();
        assertThat(result.text()).isEqualTo("█████ at " + "█".repeat("https://bad.example/x".length()) + " and ok.com");
    }

    @Test
    void switchesAreHonoured() {
        assertThat(moderator
                        .check("https://bad.example", policy(UserContentSettings.Mode.BLOCK, false))
                        .allowed())
                .isTrue();
        PolicyDocument off = new PolicyDocument(GUILD, 1, false, AutomodSettings.defaults(), List.of());
        assertThat(moderator.check("idiot", off).allowed()).isTrue();
    }
}
