package warden.automod;

import static org.assertj.core.api.Assertions.assertThat;
import static warden.automod.Policies.message;
import static warden.automod.Policies.policy;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The evasion families that got past the engine: Discord's own link syntaxes, look-alike letters inside domain
 * names, capitals that are not shouting, and Unicode's letter-like symbol sets. Each family has its false positives.
 */
class DetectionHolesTest {

    private final DetectionEngine engine = DetectionEngine.offline();

    private static final InviteSettings INVITES =
            new InviteSettings(true, false, null, null, Set.of("welcome"), null, false);
    private static final LinkSettings FORBID =
            new LinkSettings(true, false, null, null, LinkSettings.DomainMode.FORBID_LISTED, Set.of("evil.com"), false);
    private static final CapsSettings CAPS = new CapsSettings(true, false, null, null, 70, 10);
    private static final VocabularySettings WORDS =
            new VocabularySettings(true, false, null, null, List.of("idiot", "chat"), List.of(), false, false);

    private static AutomodSettings only(ModuleSettings module) {
        return new AutomodSettings(
                module instanceof VocabularySettings v ? v : null,
                module instanceof InviteSettings i ? i : null,
                module instanceof LinkSettings l ? l : null,
                module instanceof CapsSettings c ? c : null,
                null,
                null,
                null,
                null,
                null,
                null);
    }

    private boolean flags(ModuleSettings module, String text) {
        return engine.evaluate(message(text), engine.compile(policy(only(module))))
                .flagged();
    }

    @ParameterizedTest(name = "[{index}] invite \"{0}\" flagged={1}")
    @CsvSource(
            delimiter = '|',
            value = {
                // embed suppressed: Discord's <url> syntax
                "<https://discord.gg/abcdef>                 | true",
                "join <discord.gg/abcdef> now                | true",
                // masked links, the invite in the target or in the text
                "[our server](https://discord.gg/abcdef)     | true",
                "[discord.gg/abcdef](https://example.org)    | true",
                "[click](<https://discord.com/invite/abcdef>) | true",
                // look-alike letters inside the host
                "dіscord.gg/abcdef                           | true",
                "disсord.gg/abcdef                           | true",
                "discоrd.com/invite/abcdef                   | true",
                // and what must pass
                "<https://discord.gg/welcome>                | false",
                "<@123456789012345678> and <#123456789012345678> | false",
                "[docs](<https://example.org/guide>)         | false",
            })
    void invitesInDiscordSyntaxesAndLookAlikeHosts(String text, boolean flagged) {
        assertThat(flags(INVITES, text.strip())).isEqualTo(flagged);
    }

    @ParameterizedTest(name = "[{index}] link \"{0}\" flagged={1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "<https://evil.com/x>                        | true",
                "[harmless](https://evil.com/x)              | true",
                "[harmless](<https://evil.com/x>)            | true",
                "еvil.com/x                                  | true",
                "https://еvіl.com                            | true",
                "ｅｖｉｌ．ｃｏｍ                                | true",
                "<https://good.com/x>                        | false",
                "[evil](https://good.com)                    | false",
                "Война и мир.com is not a link               | false",
            })
    void linksInDiscordSyntaxesAndLookAlikeHosts(String text, boolean flagged) {
        assertThat(flags(FORBID, text.strip())).isEqualTo(flagged);
    }

    @ParameterizedTest(name = "[{index}] caps \"{0}\" flagged={1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "look at https://example.org/ABCDEFGHIJKLMNOP/QRSTUV ok               | false",
                "watch <https://youtu.be/DQW4W9WGXCQ> please                          | false",
                "see [the doc](https://example.org/README-FIRST-OR-ELSE)              | false",
                "<:PEPELAUGH:123456789012345678> <a:KEKW:123456789012345678> lol      | false",
                "run `SELECT * FROM USERS WHERE ID = 1` here                          | false",
                "```\\nINSERT INTO TABLE VALUES (ONE, TWO, THREE)\\n```\\nlike that          | false",
                "use <@&123456789012345678> for HELP                                  | false",
                "STOP SHOUTING https://example.org/abc IN HERE PLEASE                  | true",
                "WHY `code` IS EVERYONE SO LOUD                                       | true",
            })
    void capitalsThatAreNotShouting(String text, boolean flagged) {
        assertThat(flags(CAPS, text.strip().replace("\\n", "\n"))).isEqualTo(flagged);
    }

    @ParameterizedTest(name = "[{index}] vocabulary \"{0}\" flagged={1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "you 𝐢𝐝𝐢𝐨𝐭                 | true", // mathematical bold
                "you 𝓲𝓭𝓲𝓸𝓽                 | true", // mathematical script
                "you 𝔦𝔡𝔦𝔬𝔱                 | true", // fraktur
                "you 𝕚𝕕𝕚𝕠𝕥                 | true", // double-struck
                "you ⓘⓓⓘⓞⓣ                 | true", // circled
                "you 🄸🄳🄸🄾🅃                 | true", // squared
                "you 🅘🅓🅘🅞🅣                 | true", // negative circled
                "you 🅸🅳🅸🅾🆃                 | true", // negative squared
                "you 🇮🇩🇮🇴🇹                 | true", // regional indicators
                "you ɪᴅɪᴏᴛ                 | true", // small capitals
                "you ⁱᵈⁱᵒᵗ                 | true", // superscript letters
                "you ᵢdᵢₒₜ                 | true", // subscript letters
                "you ｉｄｉｏｔ                 | true", // fullwidth
                "you ⒤⒟⒤⒪⒯                 | true", // parenthesized
                "you ıdıot                 | true", // dotless i
                "you ᎥᎠᎥᎾᎢ                 | true", // Cherokee look-alikes
                "🇫🇷 🇩🇪 flags are fine       | false",
                "ⓒ 2026 the idea           | false",
                "the 𝐜𝐡𝐚𝐭𝐞𝐚𝐮 is nice         | false",
            })
    void vocabularyInLetterLikeSymbolSets(String text, boolean flagged) {
        assertThat(flags(WORDS, text.strip())).isEqualTo(flagged);
    }
}
