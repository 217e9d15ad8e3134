package warden.automod;

import static org.assertj.core.api.Assertions.assertThat;
import static warden.automod.Policies.GENERAL;
import static warden.automod.Policies.GUILD;
import static warden.automod.Policies.MEMBER;
import static warden.automod.Policies.T0;
import static warden.automod.Policies.message;
import static warden.automod.Policies.policy;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import warden.common.ChannelId;
import warden.common.GuildId;
import warden.common.RoleId;
import warden.common.UserId;

/** Table-driven tests of the other eight modules, with their false-positive cases. */
class OtherModulesTest {

    private final DetectionEngine engine = DetectionEngine.offline();

    private static AutomodSettings only(Object module) {
        return new AutomodSettings(
                module instanceof VocabularySettings v ? v : null,
                module instanceof InviteSettings i ? i : null,
                module instanceof LinkSettings l ? l : null,
                module instanceof CapsSettings c ? c : null,
                module instanceof EmojiSettings e ? e : null,
                module instanceof PingSettings p ? p : null,
                module instanceof MentionSettings m ? m : null,
                module instanceof SpamSettings s ? s : null,
                module instanceof MarkdownSettings md ? md : null,
                null);
    }

    private boolean flags(Object module, String text) {
        return engine.evaluate(message(text), engine.compile(policy(only(module))))
                .flagged();
    }

    // ---- invites
    private static final InviteSettings INVITES =
            new InviteSettings(true, false, null, null, Set.of("welcome"), null, false);

    @ParameterizedTest(name = "[{index}] invite caught: {0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "join discord.gg/abcdef",
                "https://discord.com/invite/abcdef",
                "discordapp.com/invite/xyz123",
                "discord . gg / abcdef",
                "discord(.)gg/abcdef",
                "discord[dot]gg/abcdef",
                "discord%2Egg%2Fabcdef",
                "ｄｉｓｃｏｒｄ．ｇｇ/abcdef",
                "disc\u200Bord.gg/abcdef",
                "DISCORD.GG/ABCDEF",
            })
    void invitesCaught(String text) {
        assertThat(flags(INVITES, text)).isTrue();
    }

    @ParameterizedTest(name = "[{index}] invite passes: {0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "come to discord.gg/welcome",
                "I use discord every day",
                "discord.gg",
            })
    void invitesPass(String text) {
        assertThat(flags(INVITES, text)).isFalse();
    }

    @Test
    void invitesToTheGuildItselfAndToImmuneServersPass() {
        GuildId partner = GuildId.of(777);
        InviteDirectory directory = new InviteDirectory() {
            @Override
            public Set<String> ownCodes(GuildId guild) {
                return Set.of("ours");
            }

            @Override
            public Optional<GuildId> guildOf(String code) {
                return switch (code) {
                    case "partnercode" -> Optional.of(partner);
                    case "vocalroom" -> Optional.of(GUILD);
                    default -> Optional.empty();
                };
            }
        };
        DetectionEngine live = new DetectionEngine(new MemberRates(100), directory);
        CompiledPolicy p = live.compile(new warden.config.PolicyDocument(
                GUILD,
                1,
                true,
                only(new InviteSettings(true, false, null, null, null, Set.of(partner), true)),
                List.of()));
        assertThat(live.evaluate(message("discord.gg/ours"), p).flagged()).isFalse();
        assertThat(live.evaluate(message("discord.gg/vocalroom"), p).flagged()).isFalse();
        assertThat(live.evaluate(message("discord.gg/partnercode"), p).flagged())
                .isFalse();
        Evaluation other = live.evaluate(message("see discord.gg/elsewhere !"), p);
        assertThat(other.flagged()).isTrue();
        assertThat(other.repost()).isEqualTo("see " + "█".repeat("discord.gg/elsewhere".length()) + " !");
        // premium turned off: the immune servers kept in the settings no longer count, the own server still does
        CompiledPolicy notPremium = live.compile(new warden.config.PolicyDocument(
                GUILD,
                2,
                false,
                only(new InviteSettings(true, false, null, null, null, Set.of(partner), true)),
                List.of()));
        assertThat(live.evaluate(message("discord.gg/partnercode"), notPremium).flagged())
                .isTrue();
        assertThat(live.evaluate(message("discord.gg/vocalroom"), notPremium).flagged())
                .isFalse();
    }

    // ---- links
    private static final LinkSettings ALLOW_ONLY = new LinkSettings(
            true,
            false,
            null,
            null,
            LinkSettings.DomainMode.ALLOW_ONLY_LISTED,
            Set.of("draftbot.fr", "youtube.com"),
            false);
    private static final LinkSettings FORBID =
            new LinkSettings(true, false, null, null, LinkSettings.DomainMode.FORBID_LISTED, Set.of("evil.com"), false);

    @ParameterizedTest(name = "[{index}] allow-only mode, \"{0}\" flagged={1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "see https://example.org/page        | true",
                "go to www.example.net               | true",
                "bare example.com link               | true",
                "http://draftbot.fr/docs             | false",
                "https://docs.draftbot.fr/x          | false",
                "youtube.com/watch?v=1               | false",
                "no link here. really.               | false",
                "mail me at someone@example.com      | false",
                "version 1.2.3 released              | false",
                "discord.gg/abcdef                   | false",
                "notdraftbot.fr                      | true",
            })
    void allowOnlyListedDomains(String text, boolean flagged) {
        assertThat(flags(ALLOW_ONLY, text.strip())).isEqualTo(flagged);
    }

    @ParameterizedTest(name = "[{index}] forbid mode, \"{0}\" flagged={1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "https://evil.com/x          | true",
                "cdn.evil.com/file           | true",
                "https://good.com            | false",
                "devil.com                   | false",
            })
    void forbidListedDomains(String text, boolean flagged) {
        assertThat(flags(FORBID, text.strip())).isEqualTo(flagged);
    }

    // ---- caps
    private static final CapsSettings CAPS = new CapsSettings(true, false, null, null, 70, 10);

    @ParameterizedTest(name = "[{index}] caps \"{0}\" flagged={1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "WHY IS EVERYONE SO LOUD      | true",
                "Hello there, how are you     | false",
                "OK LOL                       | false",
                "NASA and the ESA launched it | false",
                "<@123456789012345678> HELLO EVERYONE | true",
                "ÇA SUFFIT MAINTENANT         | true",
            })
    void caps(String text, boolean flagged) {
        assertThat(flags(CAPS, text.strip())).isEqualTo(flagged);
    }

    // ---- emojis
    private static final EmojiSettings EMOJIS = new EmojiSettings(true, false, null, null, 50, 4);

    @ParameterizedTest(name = "[{index}] emojis \"{0}\" flagged={1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "😀😀😀😀😀                                   | true",
                "lol 😀😀😀😀😀😀                              | true",
                "<:pepe:123456789012345678><:pepe:123456789012345678><:pepe:123456789012345678><:pepe:123456789012345678> | true",
                "👨‍👩‍👧‍👦👨‍👩‍👧‍👦👨‍👩‍👧‍👦👍🏽                       | true",
                "nice work team 😀                          | false",
                "😀😀😀 three only                            | false",
                "a long sentence with four emojis 😀😀😀😀 in the middle of many words | false",
            })
    void emojis(String text, boolean flagged) {
        assertThat(flags(EMOJIS, text.strip())).isEqualTo(flagged);
    }

    // ---- pings
    @Test
    void forbiddenPingsOfMembersAndRoles() {
        UserId owner = UserId.of(42);
        RoleId staff = RoleId.of(43);
        CompiledPolicy p = engine.compile(
                policy(only(new PingSettings(true, false, null, null, Set.of(owner), Set.of(staff), false))));
        Evaluation member = engine.evaluate(Policies.mentioning(Set.of(owner), Set.of(), "hey <@42>", T0), p);
        assertThat(member.flagged()).isTrue();
        assertThat(member.violations().get(0).spans().get(0).text()).isEqualTo("<@42>");
        assertThat(engine.evaluate(Policies.mentioning(Set.of(), Set.of(staff), "<@&43> help", T0), p)
                        .flagged())
                .isTrue();
        assertThat(engine.evaluate(Policies.mentioning(Set.of(UserId.of(7)), Set.of(), "<@7> hi", T0), p)
                        .flagged())
                .isFalse();
    }

    // ---- mention rate
    @Test
    void mentionsAreCountedPerMemberOverTheWindowOfMessageTimes() {
        CompiledPolicy p = engine.compile(
                policy(only(new MentionSettings(true, false, null, null, Duration.ofSeconds(10), 3, false, false))));
        Set<UserId> two = Set.of(UserId.of(1), UserId.of(2));
        assertThat(engine.evaluate(Policies.mentioning(two, Set.of(), "<@1> <@2>", T0), p)
                        .flagged())
                .isFalse();
        Evaluation second = engine.evaluate(Policies.mentioning(two, Set.of(), "<@1> <@2>", T0.plusSeconds(5)), p);
        assertThat(second.flagged()).isTrue();
        assertThat(second.violations().get(0).action()).isEqualTo(Violation.Action.RECORD_ONLY);
        // the window moved on: old mentions no longer count
        assertThat(engine.evaluate(Policies.mentioning(two, Set.of(), "<@1> <@2>", T0.plusSeconds(30)), p)
                        .flagged())
                .isFalse();
    }

    @Test
    void anEditedMessageIsCheckedAgainButNotCountedAgain() {
        CompiledPolicy p = engine.compile(policy(new AutomodSettings(
                new VocabularySettings(true, false, null, null, List.of("idiot"), List.of(), false, false),
                null,
                null,
                null,
                null,
                null,
                new MentionSettings(true, false, null, null, Duration.ofSeconds(10), 5, false, false),
                new SpamSettings(true, false, null, null, Duration.ofSeconds(10), 1),
                null,
                null)));
        Set<UserId> three = Set.of(UserId.of(1), UserId.of(2), UserId.of(3));
        ChatMessage sent = Policies.mentioning(three, Set.of(), "<@1> <@2> <@3>", T0);
        assertThat(engine.evaluate(sent, p).flagged()).isFalse();
        // the same message edited: 3 mentions, not 6; one message, not two
        ChatMessage edited = new ChatMessage(
                sent.id(),
                sent.guild(),
                sent.channel(),
                sent.author(),
                sent.authorRoles(),
                false,
                false,
                "<@1> <@2> <@3> you idiot",
                three,
                Set.of(),
                false,
                T0);
        Evaluation evaluation = engine.evaluateEdit(edited, p);
        assertThat(evaluation.violations()).extracting(Violation::module).containsExactly(AutomodModule.VOCABULARY);
        // a new message still counts
        assertThat(engine.evaluate(Policies.mentioning(three, Set.of(), "<@1> <@2> <@3>", T0.plusSeconds(1)), p)
                        .violations())
                .extracting(Violation::module)
                .contains(AutomodModule.MENTIONS, AutomodModule.SPAM);
    }

    @Test
    void withDeleteOnTheWholeBurstGoesEachMessageOnce() {
        CompiledPolicy p = engine.compile(
                policy(only(new MentionSettings(true, false, null, null, Duration.ofSeconds(10), 3, true, false))));
        Set<UserId> two = Set.of(UserId.of(1), UserId.of(2));
        ChatMessage first = Policies.mentioning(two, Set.of(), "<@1> <@2>", T0);
        ChatMessage clean = Policies.message("no ping here", T0.plusSeconds(1));
        ChatMessage second = Policies.mentioning(two, Set.of(), "<@1> <@2>", T0.plusSeconds(2));
        ChatMessage third = Policies.mentioning(two, Set.of(), "<@1> <@2>", T0.plusSeconds(3));
        assertThat(engine.evaluate(first, p).flagged()).isFalse();
        assertThat(engine.evaluate(clean, p).flagged()).isFalse();
        Evaluation crossing = engine.evaluate(second, p);
        assertThat(crossing.violations().get(0).action()).isEqualTo(Violation.Action.DELETE);
        assertThat(crossing.violations().get(0).burst())
                .containsExactly(new MessageRef(GENERAL.toString(), first.id()));
        Evaluation next = engine.evaluate(third, p);
        assertThat(next.flagged()).isTrue();
        assertThat(next.violations().get(0).burst()).isEmpty(); // the first one was handed out already
        // without delete, nothing of the burst is handed out
        CompiledPolicy keep = engine.compile(
                policy(only(new MentionSettings(true, false, null, null, Duration.ofSeconds(10), 3, false, false))));
        DetectionEngine other = DetectionEngine.offline();
        other.evaluate(Policies.mentioning(two, Set.of(), "<@1> <@2>", T0), keep);
        assertThat(other.evaluate(Policies.mentioning(two, Set.of(), "<@1> <@2>", T0.plusSeconds(1)), keep)
                        .violations()
                        .get(0)
                        .burst())
                .isEmpty();
    }

    // ---- spam
    @Test
    void spamIsCountedPerMember() {
        CompiledPolicy p =
                engine.compile(policy(only(new SpamSettings(true, false, null, null, Duration.ofSeconds(5), 3))));
        for (int i = 0; i < 3; i++)
            assertThat(engine.evaluate(message("hi " + i, T0.plusMillis(i * 100L)), p)
                            .flagged())
                    .isFalse();
        assertThat(engine.evaluate(message("hi again", T0.plusMillis(400)), p).flagged())
                .isTrue();
        ChatMessage other = new ChatMessage(
                "x",
                GUILD,
                GENERAL,
                UserId.of(501),
                Set.of(),
                false,
                false,
                "hello",
                Set.of(),
                Set.of(),
                false,
                T0.plusMillis(500));
        assertThat(engine.evaluate(other, p).flagged()).isFalse();
        assertThat(engine.evaluate(message("later", T0.plusSeconds(60)), p).flagged())
                .isFalse();
    }

    // ---- markdown
    @ParameterizedTest(name = "[{index}] {0} in \"{1}\" -> repost \"{2}\"")
    @CsvSource(
            delimiter = ';',
            value = {
                "SPOILER     ; look ||secret|| here        ; look secret here",
                "INLINE_CODE ; run `rm -rf` now            ; run rm -rf now",
                "HEADING     ; # Big title                 ; \\# Big title",
                "SUBTEXT     ; -# small                    ; \\-# small",
                "QUOTE       ; > quoted                    ; \\> quoted",
                "LIST        ; - item                      ; \\- item",
                "MASKED_LINK ; [click](https://x.example)  ; click (https://x.example)",
            })
    void markdownIsRemovedForTheRepost(MarkdownKind kind, String text, String repost) {
        CompiledPolicy p =
                engine.compile(policy(only(new MarkdownSettings(true, false, null, null, Set.of(kind), null))));
        Evaluation evaluation = engine.evaluate(message(text.strip()), p);
        assertThat(evaluation.flagged()).isTrue();
        assertThat(evaluation.repost()).isEqualTo(repost.strip());
    }

    @Test
    void codeBlocksAreUnwrappedAndAllowedMarkdownIsKept() {
        CompiledPolicy p = engine.compile(
                policy(only(new MarkdownSettings(true, false, null, null, Set.of(MarkdownKind.CODE_BLOCK), null))));
        Evaluation evaluation = engine.evaluate(message("see\n```java\nint x;\n```\n||fine||"), p);
        assertThat(evaluation.repost()).isEqualTo("see\nint x;\n\n||fine||");
        assertThat(engine.evaluate(message("plain **bold** text"), p).flagged()).isFalse();
        CompiledPolicy noRemove = engine.compile(
                policy(only(new MarkdownSettings(true, false, null, null, Set.of(MarkdownKind.SPOILER), false))));
        Evaluation deleted = engine.evaluate(message("||x||"), noRemove);
        assertThat(deleted.violations().get(0).action()).isEqualTo(Violation.Action.DELETE);
        assertThat(deleted.repost()).isNull();
    }

    // ---- every module: exemptions, ignored channels and roles, silent mode
    @Test
    void adminsBotsIgnoredChannelsAndRolesAreLeftAlone() {
        ChannelId quiet = ChannelId.of(99);
        RoleId trusted = RoleId.of(98);
        CompiledPolicy p = engine.compile(policy(only(new VocabularySettings(
                true, true, Set.of(quiet), Set.of(trusted), List.of("idiot"), null, false, false))));
        assertThat(engine.evaluate(Policies.from(MEMBER, Set.of(), true, false, GENERAL, "idiot"), p)
                        .flagged())
                .isFalse();
        assertThat(engine.evaluate(Policies.from(MEMBER, Set.of(), false, true, GENERAL, "idiot"), p)
                        .flagged())
                .isFalse();
        assertThat(engine.evaluate(Policies.from(MEMBER, Set.of(), false, false, quiet, "idiot"), p)
                        .flagged())
                .isFalse();
        assertThat(engine.evaluate(Policies.from(MEMBER, Set.of(trusted), false, false, GENERAL, "idiot"), p)
                        .flagged())
                .isFalse();
        Evaluation flagged = engine.evaluate(Policies.from(MEMBER, Set.of(), false, false, GENERAL, "idiot"), p);
        assertThat(flagged.flagged()).isTrue();
        assertThat(flagged.violations().get(0).silent()).isTrue();
    }

    @Test
    void aPlainDeletionWinsOverARepost() {
        AutomodSettings both = new AutomodSettings(
                new VocabularySettings(true, false, null, null, List.of("idiot"), null, false, true),
                null,
                null,
                new CapsSettings(true, false, null, null, 50, 5),
                null,
                null,
                null,
                null,
                null,
                null);
        Evaluation evaluation = engine.evaluate(message("YOU IDIOT"), engine.compile(policy(both)));
        assertThat(evaluation.violations()).hasSize(2);
        assertThat(evaluation.repost()).isNull();
        assertThat(evaluation.deletes()).isTrue();
    }
}
