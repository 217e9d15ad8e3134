package warden.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import warden.common.Actor;
import warden.common.GuildId;
import warden.common.RoleId;
import warden.config.ConfigureModeration;
import warden.config.GuildPolicies;
import warden.config.ModerationSettings;
import warden.fakediscord.FakeDiscord;
import warden.fakediscord.FakeDiscordExtension;
import warden.fakediscord.Permission;
import warden.fakediscord.RecordedRequest;
import warden.fakediscord.World;
import warden.platform.testing.WardenSpringTest;
import warden.sanctions.SanctionKind;

/** Slash commands through real JDA: interaction in, callback out, permissions checked, answers localised. */
@WardenSpringTest
@DirtiesContext
class SlashCommandsE2ETest {

    static final Duration WAIT = Duration.ofSeconds(20);
    static long guild,
            general,
            moderator,
            admin,
            member,
            target,
            managed,
            muted,
            listed,
            dmed,
            closed,
            helpers,
            helper,
            banme,
            evid;

    @RegisterExtension
    static final FakeDiscordExtension DISCORD = new FakeDiscordExtension(SlashCommandsE2ETest::world);

    static void world(World world) {
        World.GuildSpec g = world.guild("Commands guild");
        guild = g.id();
        general = g.channel("general");
        long mods = g.role("Moderators", Permission.EVERYONE | Permission.MODERATE_MEMBERS);
        long admins = g.role("Admins", Permission.EVERYONE | Permission.MANAGE_GUILD | Permission.MODERATE_MEMBERS);
        moderator = g.member("mod", mods);
        admin = g.member("boss", admins);
        member = g.member("member");
        target = g.member("target");
        managed = g.member("managed");
        muted = g.member("muted");
        listed = g.member("listed");
        dmed = g.member("dmed");
        closed = g.member("closed");
        helpers = g.role("Helpers", Permission.EVERYONE);
        helper = g.member("helper", helpers);
        banme = g.member("banme");
        evid = g.member("evid");
        g.owner(g.member("owner"));
        g.withWarden(Permission.MODERATION_BOT, 5);
    }

    @DynamicPropertySource
    static void discord(DynamicPropertyRegistry registry) {
        FakeDiscordProperties.register(registry, DISCORD);
        registry.add("warden.evidence.hosts", () -> "127.0.0.1");
        registry.add("warden.evidence.allow-http", () -> "true");
    }

    @Autowired
    JdbcClient db;

    @Autowired
    org.axonframework.commandhandling.gateway.CommandGateway commands;

    @Autowired
    GuildPolicies guildPolicies;

    private static Map<String, Object> user(String name, long id) {
        return Map.of("name", name, "type", 6, "value", Long.toString(id));
    }

    private static Map<String, Object> text(String name, String value) {
        return Map.of("name", name, "type", 3, "value", value);
    }

    private static String replyText(FakeDiscord.InteractionAnswer answer) {
        assertThat(answer.ephemeral()).as("ephemeral").isTrue();
        return answer.content();
    }

    private String run(long user, String name, List<Map<String, Object>> options, String locale) throws Exception {
        FakeDiscord fake = DISCORD.discord();
        String token = fake.slashCommand(guild, general, user, name, options, locale);
        return replyText(fake.awaitInteractionAnswer(token, WAIT));
    }

    @Test
    void aModeratorWarnsAndTheMemberGetsADirectMessage() throws Exception {
        String answer =
                run(moderator, "warn", List.of(user("member", target), text("reason", "spam in #general")), "en-US");
        assertThat(answer).contains("was warned").contains("<@" + target + ">");
        RecordedRequest dm = DISCORD.discord()
                .awaitRequest(
                        r -> r.is("POST", "channels/\\d+/messages")
                                && String.valueOf(r.text("content"))
                                        .contains("You received a warning in Commands guild"),
                        WAIT,
                        "warning DM");
        assertThat(dm.text("content")).contains("spam in #general");
        assertThat(dm.text("content")).as("the member can name the case").containsPattern("\\(case #\\d+\\)$");
        await().atMost(WAIT)
                .until(() ->
                        db.sql("select count(*) from audit_event where event_type = 'SanctionApplied' and user_id = ?")
                                        .param(target)
                                        .query(Long.class)
                                        .single()
                                == 1);
        String history = run(moderator, "infractions", List.of(user("member", target)), "en-US");
        assertThat(history).contains("History of <@" + target + ">").contains("warning");
    }

    @Test
    void whoMayRunACommandIsDiscordsDecisionIncludingTheServersOwnGrants() throws Exception {
        FakeDiscord fake = DISCORD.discord();
        RecordedRequest registration = fake.awaitRequest("PUT", "applications/\\d+/commands", WAIT);
        assertThat(registration.status()).isEqualTo(200);
        // commands declare Discord's default member permissions: a plain member is not offered /kick, /config or
        // /automod
        await().atMost(WAIT).until(() -> !fake.mayUseCommand(guild, member, "kick"));
        assertThat(fake.mayUseCommand(guild, member, "config")).isFalse();
        assertThat(fake.mayUseCommand(guild, moderator, "automod")).isFalse();
        assertThat(fake.mayUseCommand(guild, member, "mod"))
                .as("/mod: each preset carries its own grants")
                .isTrue();
        assertThatThrownBy(
                        () -> fake.slashCommand(guild, general, member, "kick", List.of(user("member", target)), "fr"))
                .isInstanceOf(FakeDiscord.CommandNotAvailable.class);

        // the server grants /warn to its helpers in Discord's integration settings: Warden does not undo that grant
        fake.permitCommand(guild, "warn", helpers);
        assertThat(run(
                        helper,
                        "warn",
                        List.of(user("member", target), text("reason", "granted by the server")),
                        "en-US"))
                .contains("was warned");
    }

    @Test
    void aBadDurationGetsAClearErrorAndChangesNothing() throws Exception {
        long before = db.sql("select count(*) from domainevententry")
                .query(Long.class)
                .single();
        String answer = run(moderator, "timeout", List.of(user("member", target), text("duration", "soon")), "en-US");
        assertThat(answer).startsWith("The duration \"soon\" is not valid");
        String tooLong = run(moderator, "timeout", List.of(user("member", target), text("duration", "40d")), "fr");
        assertThat(tooLong).startsWith("La durée doit être comprise entre");
        assertThat(db.sql("select count(*) from domainevententry")
                        .query(Long.class)
                        .single())
                .isEqualTo(before);
    }

    @Test
    void anAdminConfiguresAutomodFromDiscordAndItApplies() throws Exception {
        assertThat(run(
                        admin,
                        "automod",
                        List.of(Map.of(
                                "name", "add-words", "type", 1, "options", List.of(text("words", "banana*, kiwi")))),
                        "en-US"))
                .startsWith("Saved");
        assertThat(run(
                        admin,
                        "automod",
                        List.of(Map.of("name", "enable", "type", 1, "options", List.of(text("module", "vocabulary")))),
                        "en-US"))
                .startsWith("Saved");
        String shown = run(admin, "automod", List.of(Map.of("name", "show", "type", 1)), "fr");
        assertThat(shown).contains("2 mots interdits").contains("vocabulary : activé");
        long message = DISCORD.discord().postMessage(guild, general, member, "I love bananas");
        DISCORD.discord().awaitRequest("DELETE", "channels/" + general + "/messages/" + message, WAIT);
        String badModule = run(
                admin,
                "automod",
                List.of(Map.of("name", "enable", "type", 1, "options", List.of(text("module", "telepathy")))),
                "en-US");
        assertThat(badModule).isEqualTo("Unknown module \"telepathy\".");
    }

    @Test
    void configChangesAnyAutomodOptionWithTheRestApisValidationAndProposesOptionsAndValues() throws Exception {
        FakeDiscord fake = DISCORD.discord();
        String options = fake.autocomplete(
                guild,
                general,
                admin,
                "config",
                List.of(text("module", "caps"), Map.of("name", "option", "type", 3, "value", "m", "focused", true)),
                "en-US");
        assertThat(fake.awaitAutocompleteChoices(options, WAIT)).containsExactly("maxPercent", "minLength");
        String values = fake.autocomplete(
                guild,
                general,
                admin,
                "config",
                List.of(
                        text("module", "links"),
                        text("option", "mode"),
                        Map.of("name", "value", "type", 3, "value", "", "focused", true)),
                "en-US");
        assertThat(fake.awaitAutocompleteChoices(values, WAIT)).contains("ALLOW_ONLY_LISTED", "FORBID_LISTED");

        long before = db.sql("select count(*) from domainevententry")
                .query(Long.class)
                .single();
        assertThat(run(
                        admin,
                        "config",
                        List.of(text("module", "caps"), text("option", "maxPercent"), text("value", "150")),
                        "en-US"))
                .startsWith("The setting \"maxPercent\" must be between")
                .endsWith("(was 150).");
        assertThat(run(
                        admin,
                        "config",
                        List.of(text("module", "caps"), text("option", "enabled"), text("value", "peut-être")),
                        "fr"))
                .startsWith("Le réglage « caps.enabled » est activé ou désactivé");
        assertThat(db.sql("select count(*) from domainevententry")
                        .query(Long.class)
                        .single())
                .isEqualTo(before);

        assertThat(run(
                        admin,
                        "config",
                        List.of(text("module", "caps"), text("option", "minLength"), text("value", "5")),
                        "en-US"))
                .startsWith("caps.minLength is now 5");
        assertThat(run(
                        admin,
                        "config",
                        List.of(text("module", "caps"), text("option", "maxPercent"), text("value", "50")),
                        "en-US"))
                .startsWith("caps.maxPercent is now 50");
        assertThat(run(
                        admin,
                        "config",
                        List.of(text("module", "caps"), text("option", "enabled"), text("value", "on")),
                        "en-US"))
                .startsWith("caps.enabled is now true");
        long loud = fake.postMessage(guild, general, member, "STOP THAT NOW please");
        fake.awaitRequest("DELETE", "channels/" + general + "/messages/" + loud, WAIT);
    }

    private static Map<String, Object> sub(String name, List<Map<String, Object>> options) {
        return Map.of("name", name, "type", 1, "options", options);
    }

    private static String sanctionIdIn(String answer) {
        java.util.regex.Matcher m =
                java.util.regex.Pattern.compile("\\(case (#\\d+)\\)").matcher(answer);
        assertThat(m.find()).as(answer).isTrue();
        return m.group(1);
    }

    @Test
    void aSanctionIsEditedRetimedExplainedAndRemovedFromDiscord() throws Exception {
        FakeDiscord fake = DISCORD.discord();
        String id = sanctionIdIn(run(
                moderator,
                "timeout",
                List.of(user("member", managed), text("duration", "1h"), text("reason", "spam")),
                "en-US"));
        fake.awaitRequest(
                r -> r.is("PATCH", "guilds/" + guild + "/members/" + managed) && r.status() == 200, WAIT, "timeout");

        Instant before = Instant.now();
        assertThat(run(
                        moderator,
                        "sanction",
                        List.of(sub(
                                "retime",
                                List.of(user("member", managed), text("sanction", id), text("duration", "3h")))),
                        "en-US"))
                .startsWith("Sanction `" + id + "` now ends");
        RecordedRequest retimed = fake.awaitRequest(
                r -> r.is("PATCH", "guilds/" + guild + "/members/" + managed)
                        && r.text("communication_disabled_until") != null
                        && Instant.parse(r.text("communication_disabled_until"))
                                .isAfter(before.plus(Duration.ofHours(2))),
                WAIT,
                "new end");
        assertThat(Instant.parse(retimed.text("communication_disabled_until")))
                .isBefore(Instant.now().plus(Duration.ofHours(3)).plusSeconds(5));
        assertThat(run(
                        moderator,
                        "sanction",
                        List.of(sub(
                                "retime",
                                List.of(user("member", managed), text("sanction", id), text("duration", "40d")))),
                        "en-US"))
                .startsWith("The duration must be between");

        assertThat(run(
                        moderator,
                        "sanction",
                        List.of(sub(
                                "edit",
                                List.of(
                                        user("member", managed),
                                        text("sanction", id),
                                        text("field", "reason"),
                                        text("text", "spam in #general")))),
                        "en-US"))
                .isEqualTo("Sanction `" + id + "`: reason saved.");
        await().atMost(WAIT)
                .untilAsserted(() -> assertThat(run(moderator, "why", List.of(text("sanction", id)), "en-US"))
                        .contains("spam in #general")
                        .contains("changed reason: spam → spam in #general")
                        .contains("changed end"));

        assertThat(run(
                        moderator,
                        "sanction",
                        List.of(sub(
                                "remove",
                                List.of(
                                        user("member", managed),
                                        text("sanction", id),
                                        text("reason", "wrong member")))),
                        "en-US"))
                .startsWith("Sanction `" + id + "` removed");
        fake.awaitRequest(
                r -> r.is("PATCH", "guilds/" + guild + "/members/" + managed)
                        && r.body().containsKey("communication_disabled_until")
                        && r.body().get("communication_disabled_until") == null,
                WAIT,
                "timeout lifted");
        await().atMost(WAIT)
                .untilAsserted(() -> assertThat(run(moderator, "why", List.of(text("sanction", id)), "fr"))
                        .contains("Retirée par")
                        .contains("wrong member"));
    }

    @Test
    void aResetNeedsManageServerAndTheMembersIdAndUnmuteLiftsATimeout() throws Exception {
        FakeDiscord fake = DISCORD.discord();
        run(moderator, "warn", List.of(user("member", muted), text("reason", "first")), "en-US");
        run(moderator, "timeout", List.of(user("member", muted), text("duration", "1h")), "en-US");
        fake.awaitRequest(
                r -> r.is("PATCH", "guilds/" + guild + "/members/" + muted) && r.status() == 200, WAIT, "timeout");
        await().atMost(WAIT)
                .until(() -> db.sql("select count(*) from sanction_state where user_id = ?")
                                .param(muted)
                                .query(Long.class)
                                .single()
                        == 2);

        assertThat(run(moderator, "unmute", List.of(user("member", muted)), "en-US"))
                .contains("is being lifted");
        fake.awaitRequest(
                r -> r.is("PATCH", "guilds/" + guild + "/members/" + muted)
                        && r.body().containsKey("communication_disabled_until")
                        && r.body().get("communication_disabled_until") == null,
                WAIT,
                "unmuted");

        long before = db.sql("select count(*) from domainevententry")
                .query(Long.class)
                .single();
        List<Map<String, Object>> reset =
                List.of(sub("reset", List.of(user("member", muted), text("confirm", Long.toString(muted)))));
        assertThat(run(moderator, "sanction", reset, "en-US")).contains("\"Manage Server\"");
        assertThat(run(
                        admin,
                        "sanction",
                        List.of(sub("reset", List.of(user("member", muted), text("confirm", "nope")))),
                        "en-US"))
                .startsWith("A reset removes every sanction");
        assertThat(db.sql("select count(*) from domainevententry")
                        .query(Long.class)
                        .single())
                .isEqualTo(before);
        assertThat(run(admin, "sanction", reset, "en-US")).startsWith("Every sanction of <@" + muted + "> was removed");
        await().atMost(WAIT)
                .until(() -> db.sql("select count(*) from sanction_state where user_id = ? and removed_at is not null")
                                .param(muted)
                                .query(Long.class)
                                .single()
                        == 2);
    }

    @Test
    void notesAndTheServersSanctionsFilteredAndShownPublicly() throws Exception {
        FakeDiscord fake = DISCORD.discord();
        assertThat(run(
                        moderator,
                        "note",
                        List.of(user("member", listed), text("text", "asked to calm down in DM")),
                        "en-US"))
                .isEqualTo("Note saved for <@" + listed + ">.");
        run(
                moderator,
                "warn",
                List.of(user("member", listed), text("reason", "flooding the lobby with stickers")),
                "en-US");
        await().atMost(WAIT)
                .untilAsserted(() -> assertThat(run(
                                moderator,
                                "sanctions",
                                List.of(text("search", "flood"), user("member", listed)),
                                "en-US"))
                        .contains("1 found")
                        .contains("flooding the lobby")
                        .contains("warn"));
        assertThat(run(
                        moderator,
                        "sanctions",
                        List.of(text("search", "nothing like this"), user("member", listed)),
                        "fr"))
                .isEqualTo("Aucune sanction ne correspond.");
        run(
                moderator,
                "sanctions",
                List.of(user("member", listed), Map.of("name", "public", "type", 5, "value", true)),
                "en-US");
        fake.awaitRequest(
                r -> r.is("POST", "channels/" + general + "/messages")
                        && String.valueOf(r.text("content")).contains("flooding the lobby"),
                WAIT,
                "public list");
    }

    /** A /config whose answer may be public (the test is changing that very setting). */
    private void configAnyway(String option, String value) throws Exception {
        String token = DISCORD.discord()
                .slashCommand(
                        guild,
                        general,
                        admin,
                        "config",
                        List.of(text("module", "moderation"), text("option", option), text("value", value)),
                        "en-US");
        assertThat(DISCORD.discord().awaitInteractionAnswer(token, WAIT).content())
                .startsWith("moderation." + option + " is now");
    }

    private String config(String option, String value) throws Exception {
        return run(
                admin,
                "config",
                List.of(text("module", "moderation"), text("option", option), text("value", value)),
                "en-US");
    }

    @Test
    void sanctionDmsFollowTheServersTemplateAndAnUndeliveredWarningIsStillAWarning() throws Exception {
        FakeDiscord fake = DISCORD.discord();
        try {
            assertThat(config("dmKinds", "warn, timeout")).startsWith("moderation.dmKinds is now");
            assertThat(config("dmTemplate", "{member}, {kind} on {server}: {reason} (by {moderator})"))
                    .startsWith("moderation.dmTemplate is now");
            assertThat(config("dmHideModerator", "on")).startsWith("moderation.dmHideModerator is now true");
            assertThat(config("dmTemplate", "hello {nickname}")).startsWith("The DM template names \"{nickname}\"");

            run(
                    moderator,
                    "timeout",
                    List.of(user("member", dmed), text("duration", "10m"), text("reason", "noise")),
                    "en-US");
            await().atMost(WAIT).until(() -> !fake.directMessagesTo(dmed).isEmpty());
            assertThat(fake.directMessagesTo(dmed).get(0))
                    .isEqualTo("<@" + dmed + ">, timeout on Commands guild: noise (by the moderation team)");

            fake.closeDms(closed);
            run(moderator, "warn", List.of(user("member", closed), text("reason", "last warning")), "en-US");
            await().atMost(WAIT)
                    .until(() -> db.sql(
                                            "select count(*) from audit_event where user_id = ? and event_type = 'SanctionApplied'")
                                    .param(closed)
                                    .query(Long.class)
                                    .single()
                            == 1);
            await().atMost(WAIT)
                    .until(() -> db.sql("""
                    select count(*) from audit_event where user_id = ? and event_type = 'NoteAdded' and reason like '%could not be delivered%'""").param(closed).query(Long.class).single() == 1);
            assertThat(db.sql("select count(*) from audit_event where user_id = ? and event_type = 'SanctionFailed'")
                            .param(closed)
                            .query(Long.class)
                            .single())
                    .isZero();
            await().atMost(WAIT)
                    .until(() -> fake.directMessagesTo(moderator).stream()
                            .anyMatch(m -> m.contains("could not be told by DM")));
        } finally {
            config("dmTemplate", "");
            config("dmHideModerator", "off");
            config("dmKinds", "warn");
        }
    }

    @Test
    void aPresetGrantedToARoleIsUsableByItsMembersOnlyAndBansAsDefined() throws Exception {
        FakeDiscord fake = DISCORD.discord();
        ModerationSettings.Preset spamBan = new ModerationSettings.Preset(
                "spam-ban", SanctionKind.BAN, Duration.ofDays(7), "spam bot", 1, Set.of(RoleId.of(helpers)));
        ModerationSettings.Preset kick =
                new ModerationSettings.Preset("kick", SanctionKind.KICK, null, "rules", null, null);
        var current = guildPolicies.current(GuildId.of(guild)).moderation();
        long version = commands.sendAndWait(new ConfigureModeration(
                GuildId.of(guild),
                new ModerationSettings(
                        current.hideResponses(),
                        current.showPublicly(),
                        current.dmKinds(),
                        current.dmTemplate(),
                        current.dmHideModerator(),
                        List.of(spamBan, kick)),
                null,
                Actor.system("test"),
                Instant.now()));
        // the bot reads the policy this node follows (GuildPolicies): wait until it has this version, as an admin's
        // next command would
        assertThat(guildPolicies
                        .awaitVersion(GuildId.of(guild), version, WAIT)
                        .moderation()
                        .presets())
                .hasSize(2);

        String choices = fake.autocomplete(
                guild,
                general,
                helper,
                "mod",
                List.of(Map.of("name", "preset", "type", 3, "value", "", "focused", true)),
                "en-US");
        assertThat(fake.awaitAutocompleteChoices(choices, WAIT)).containsExactly("spam-ban");
        assertThat(run(helper, "mod", List.of(text("preset", "kick"), user("member", banme)), "en-US"))
                .startsWith("You may not use the preset \"kick\"");
        assertThat(run(helper, "mod", List.of(text("preset", "nothing"), user("member", banme)), "en-US"))
                .isEqualTo("There is no preset \"nothing\".");
        assertThat(run(
                        helper,
                        "mod",
                        List.of(text("preset", "spam-ban"), user("member", banme), text("reason", "3 links")),
                        "en-US"))
                .startsWith("<@" + banme + "> received the preset \"spam-ban\"");
        RecordedRequest ban = fake.awaitRequest("PUT", "guilds/" + guild + "/bans/" + banme, WAIT);
        assertThat(((Number) ban.body().get("delete_message_seconds")).longValue())
                .isEqualTo(Duration.ofDays(1).toSeconds());
        await().atMost(WAIT)
                .until(() ->
                        db.sql("select count(*) from sanction_state where user_id = ? and kind = 'BAN' and reason = ?")
                                        .params(banme, "spam bot — 3 links")
                                        .query(Long.class)
                                        .single()
                                == 1);
    }

    @Test
    void aServerMayShowCommandAnswersToEveryoneAndListsPubliclyByDefault() throws Exception {
        FakeDiscord fake = DISCORD.discord();
        try {
            configAnyway("hideResponses", "off");
            configAnyway("showPublicly", "on");
            await().atMost(WAIT)
                    .until(() -> !guildPolicies
                            .current(GuildId.of(guild))
                            .moderation()
                            .hideResponses());
            String token = fake.slashCommand(
                    guild, general, moderator, "note", List.of(user("member", listed), text("text", "seen")), "en-US");
            FakeDiscord.InteractionAnswer answer = fake.awaitInteractionAnswer(token, WAIT);
            assertThat(answer.ephemeral()).isFalse();
            assertThat(answer.content()).startsWith("Note saved");
            String list = fake.slashCommand(
                    guild, general, moderator, "sanctions", List.of(text("search", "nothing matches this")), "en-US");
            fake.awaitInteractionAnswer(list, WAIT);
            fake.awaitRequest(
                    r -> r.is("POST", "channels/" + general + "/messages")
                            && "No sanction matches.".equals(r.text("content")),
                    WAIT,
                    "list shown publicly by default");
        } finally {
            configAnyway("hideResponses", "on");
            configAnyway("showPublicly", "off");
        }
    }

    @Test
    void evidenceImagesAreFetchedCheckedHashedAndShownByWhy() throws Exception {
        FakeDiscord fake = DISCORD.discord();
        String id = sanctionIdIn(run(
                moderator,
                "timeout",
                List.of(user("member", evid), text("duration", "1h"), text("reason", "gore")),
                "en-US"));
        byte[] png = new byte[4096];
        byte[] header = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};
        System.arraycopy(header, 0, png, 0, header.length);
        png[100] = 42;
        String sha = java.util.HexFormat.of()
                .formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(png));
        String image = fake.upload("screenshot.png", "image/png", png);
        Map<String, Object> attachment = Map.of("name", "image", "type", 11, "value", image);
        String added = run(
                moderator,
                "evidence",
                List.of(sub(
                        "add", List.of(user("member", evid), text("target", "sanction"), text("id", id), attachment))),
                "en-US");
        assertThat(added)
                .isEqualTo("Image added to sanction `" + id + "` (4 KB, SHA-256 " + sha.substring(0, 12) + "…).");
        await().atMost(WAIT)
                .untilAsserted(() -> assertThat(run(moderator, "why", List.of(text("sanction", id)), "en-US"))
                        .contains("screenshot.png")
                        .contains(sha.substring(0, 12)));

        String fakePng = fake.upload(
                "not-really.png", "image/png", "<html>a page</html>".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(run(
                        moderator,
                        "evidence",
                        List.of(sub(
                                "add",
                                List.of(
                                        user("member", evid),
                                        text("target", "sanction"),
                                        text("id", id),
                                        Map.of("name", "image", "type", 11, "value", fakePng)))),
                        "en-US"))
                .startsWith("This file is not an image");

        assertThat(run(
                        moderator,
                        "evidence",
                        List.of(sub(
                                "remove",
                                List.of(
                                        user("member", evid),
                                        text("target", "sanction"),
                                        text("id", id),
                                        text("sha256", sha)))),
                        "en-US"))
                .startsWith("Image " + sha.substring(0, 12));
        await().atMost(WAIT)
                .until(() -> db.sql(
                                        "select jsonb_array_length(images) from sanction_state where sanction_id = "
                                                + "(select ref_id from case_number where guild_id = ? and number = ? and kind = 'sanction')")
                                .params(guild, Long.parseLong(id.substring(1)))
                                .query(Integer.class)
                                .single()
                        == 0);
    }

    @Test
    void sanctionRulesFromDiscord() throws Exception {
        String added = run(
                admin,
                "sanction-rule",
                List.of(Map.of(
                        "name",
                        "add",
                        "type",
                        1,
                        "options",
                        List.of(
                                text("infraction", "spam"),
                                Map.of("name", "threshold", "type", 4, "value", 3),
                                text("window", "10m"),
                                text("sanction", "timeout"),
                                text("duration", "1h")))),
                "en-US");
        assertThat(added).startsWith("Rule `");
        String listed = run(admin, "sanction-rule", List.of(Map.of("name", "list", "type", 1)), "en-US");
        assertThat(listed).contains("3 spam within 10m -> timeout 1h (on)");
        String invalid = run(
                admin,
                "sanction-rule",
                List.of(Map.of(
                        "name",
                        "add",
                        "type",
                        1,
                        "options",
                        List.of(
                                text("infraction", "spam"),
                                Map.of("name", "threshold", "type", 4, "value", 3),
                                text("window", "45d"),
                                text("sanction", "kick")))),
                "en-US");
        assertThat(invalid).startsWith("The time window must be between");
    }
}
