package warden.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import warden.common.Actor;
import warden.common.GuildId;
import warden.config.ConfigureModeration;
import warden.config.GuildPolicies;
import warden.config.ModerationSettings;
import warden.discord.FakeDiscordProperties;
import warden.fakediscord.FakeDiscord;
import warden.fakediscord.FakeDiscordExtension;
import warden.fakediscord.Permission;
import warden.fakediscord.RecordedRequest;
import warden.fakediscord.World;
import warden.platform.testing.WardenSpringTest;

/**
 * Reports on the fake Discord: a message reported from its menu and a member with {@code /report}; both land in the
 * reports channel with their evidence; one moderator claims, another cannot take it over, the reporter is told the
 * outcome; reporting too often is refused.
 */
@WardenSpringTest
@DirtiesContext
class ReportsE2ETest {

    static final Duration WAIT = Duration.ofSeconds(20);
    static long guild, general, queue, reporter, scammer, mod1, mod2, member;

    @RegisterExtension
    static final FakeDiscordExtension DISCORD = new FakeDiscordExtension(world -> {
        World.GuildSpec g = world.guild("Reported");
        guild = g.id();
        general = g.channel("general");
        queue = g.channel("mod-queue");
        g.owner(g.member("owner"));
        long mods = g.role("Mods", Permission.EVERYONE | Permission.MODERATE_MEMBERS, 2);
        mod1 = g.member("mod1", mods);
        mod2 = g.member("mod2", mods);
        reporter = g.member("reporter");
        scammer = g.member("scammer");
        member = g.member("member");
        g.withWarden(Permission.MODERATION_BOT, 5);
    });

    @DynamicPropertySource
    static void discord(DynamicPropertyRegistry registry) {
        FakeDiscordProperties.register(registry, DISCORD);
    }

    @Autowired
    CommandGateway commands;

    @Autowired
    GuildPolicies policies;

    @Autowired
    JdbcClient db;

    private String report(long user, long target, String reason) throws Exception {
        FakeDiscord fake = DISCORD.discord();
        String token = fake.slashCommand(
                guild,
                general,
                user,
                "report",
                List.of(
                        Map.of("name", "user", "type", 6, "value", Long.toString(target)),
                        Map.of("name", "reason", "type", 3, "value", reason)),
                "en-US");
        return fake.awaitInteractionAnswer(token, WAIT).content();
    }

    private String click(long user, long message, String id) throws Exception {
        FakeDiscord fake = DISCORD.discord();
        return fake.awaitInteractionAnswer(fake.clickButton(guild, queue, message, user, id, "en-US"), WAIT)
                .content();
    }

    private long posted(String reportId) {
        return DISCORD.discord().botMessages(queue).stream()
                .filter(m -> String.valueOf(m.get("content")).contains("Report `" + reportId + "`"))
                .map(m -> Long.parseLong(m.get("id").toString()))
                .findFirst()
                .orElseThrow();
    }

    private static String idOf(String answer) {
        Matcher m = Pattern.compile("your report \\(`([0-9a-f]{8})`\\)").matcher(answer);
        assertThat(m.find()).as(answer).isTrue();
        return m.group(1);
    }

    @Test
    void reportsReachTheModeratorsWhoHandleThemAndTheReporterIsTold() throws Exception {
        FakeDiscord fake = DISCORD.discord();
        assertThat(report(reporter, scammer, "scam")).startsWith("This server has no channel for reports");
        long version = commands.sendAndWait(new ConfigureModeration(
                GuildId.of(guild),
                new ModerationSettings(
                        true,
                        false,
                        null,
                        null,
                        false,
                        null,
                        null,
                        new ModerationSettings.ReportSettings(Long.toString(queue), 2)),
                null,
                Actor.system("test"),
                Instant.now()));
        policies.awaitVersion(GuildId.of(guild), version, WAIT);

        long scam = fake.postMessage(guild, general, scammer, "free nitro, just log in on my site");
        String token = fake.messageCommand(guild, general, reporter, ReportDesk.MESSAGE_MENU, scam, "en-US");
        String first = idOf(fake.awaitInteractionAnswer(token, WAIT).content());
        RecordedRequest card = fake.awaitRequest(
                r -> r.is("POST", "channels/" + queue + "/messages")
                        && String.valueOf(r.text("content")).contains("Report `" + first + "`"),
                WAIT,
                "the report in the queue");
        assertThat(card.text("content"))
                .contains("from <@" + reporter + "> about <@" + scammer + ">: reported message")
                .contains("/channels/" + guild + "/" + general + "/" + scam)
                .contains("> free nitro, just log in on my site");
        long message = posted(first);
        assertThat(fake.buttons(message))
                .containsExactly("report:claim:" + first, "report:resolve:" + first, "report:dismiss:" + first);

        String second = idOf(report(reporter, member, "insults in #general"));
        assertThat(report(reporter, member, "again"))
                .isEqualTo("You have sent 2 reports in the last hour, the most this server allows: try again later.");
        assertThat(report(member, member, "me")).isEqualTo("You cannot report yourself.");

        assertThat(click(member, message, "report:claim:" + first))
                .isEqualTo("You need the Timeout Members permission to handle reports.");
        assertThat(click(mod1, message, "report:claim:" + first)).isEqualTo("You are handling report `" + first + "`.");
        fake.awaitRequest(
                r -> r.is("PATCH", "channels/" + queue + "/messages/" + message)
                        && String.valueOf(r.text("content")).endsWith("🙋 handled by <@" + mod1 + ">"),
                WAIT,
                "the card marked as handled");
        assertThat(click(mod2, message, "report:resolve:" + first))
                .isEqualTo("Report `" + first + "` is handled by <@" + mod1 + ">.");
        assertThat(click(mod1, message, "report:resolve:" + first))
                .isEqualTo("Report `" + first + "` resolved; its author is told.");
        await().atMost(WAIT)
                .until(() -> fake.directMessagesTo(reporter).stream()
                        .anyMatch(dm -> dm.startsWith("Your report `" + first + "`") && dm.contains("took action")));
        await().atMost(WAIT).until(() -> fake.buttons(message).isEmpty());
        assertThat(click(mod1, posted(second), "report:dismiss:" + second))
                .isEqualTo("Report `" + second + "` dismissed; its author is told.");
        await().atMost(WAIT)
                .until(() -> fake.directMessagesTo(reporter).stream()
                        .anyMatch(dm ->
                                dm.startsWith("Your report `" + second + "`") && dm.contains("no action was needed")));
        assertThat(click(mod2, message, "report:claim:" + first))
                .isEqualTo("Report `" + first + "` is already closed.");
        await().atMost(WAIT)
                .until(() -> db.sql("select count(*) from audit_event where guild_id = ? and event_type like 'Report%'")
                                .param(guild)
                                .query(Long.class)
                                .single()
                        == 5);
    }
}
