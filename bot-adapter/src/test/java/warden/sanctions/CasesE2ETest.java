package warden.sanctions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import warden.discord.FakeDiscordProperties;
import warden.fakediscord.FakeDiscord;
import warden.fakediscord.FakeDiscordExtension;
import warden.fakediscord.Permission;
import warden.fakediscord.World;
import warden.platform.testing.WardenSpringTest;

/**
 * Moderators name a case by the number the server gave it: {@code /why 42}, {@code /pardon member #42}, proposed while
 * typing; a number that names nothing, or another member's case, is refused with the reason.
 */
@WardenSpringTest
@DirtiesContext
class CasesE2ETest {

    static final Duration WAIT = Duration.ofSeconds(20);
    static long guild, general, moderator, member, other;

    @RegisterExtension
    static final FakeDiscordExtension DISCORD = new FakeDiscordExtension(CasesE2ETest::world);

    static void world(World world) {
        World.GuildSpec g = world.guild("Cases guild");
        guild = g.id();
        general = g.channel("general");
        moderator = g.member("mod", g.role("Mods", Permission.EVERYONE | Permission.MODERATE_MEMBERS));
        member = g.member("member");
        other = g.member("other");
        g.owner(g.member("owner"));
        g.withWarden(Permission.MODERATION_BOT, 5);
    }

    @DynamicPropertySource
    static void discord(DynamicPropertyRegistry registry) {
        FakeDiscordProperties.register(registry, DISCORD);
    }

    @Autowired
    JdbcClient db;

    @Test
    void aCaseIsNamedByItsNumberEverywhereACaseIsTaken() throws Exception {
        String warned = run("warn", List.of(user("member", member), text("reason", "spam in general")));
        assertThat(warned).contains("was warned");
        await().atMost(WAIT).until(() -> caseOf(member, "sanction") != null);
        long number = caseOf(member, "sanction");
        assertThat(warned).as("the answer names the case by its number").contains("(case #" + number + ")");

        // the numbering and the explanation are two read models: each is a moment behind the event
        await().atMost(WAIT)
                .until(
                        () -> run("why", List.of(text("sanction", String.valueOf(number)))),
                        a -> a.contains("spam in general"));
        assertThat(run("why", List.of(text("sanction", "#" + number)))).contains("spam in general");

        FakeDiscord fake = DISCORD.discord();
        String typing = fake.autocomplete(
                guild,
                general,
                moderator,
                "why",
                List.of(Map.of("name", "sanction", "type", 3, "value", "", "focused", true)),
                "en-US");
        assertThat(fake.awaitAutocompleteChoices(typing, WAIT)).anyMatch(c -> c.startsWith("#" + number + " "));

        // the warning's infraction is the same case: it is pardoned by the same number
        assertThat(run("pardon", List.of(user("member", member), text("infraction", "#" + number))))
                .contains("is pardoned");
        assertThat(run("pardon", List.of(user("member", other), text("infraction", "#" + number))))
                .isEqualTo("Case #" + number + " is about another member.");
        assertThat(run("why", List.of(text("sanction", "9999")))).isEqualTo("There is no case #9999 on this server.");
    }

    private Long caseOf(long user, String kind) {
        return db.sql(
                        "select number from case_number where guild_id = ? and user_id = ? and kind = ? order by number limit 1")
                .params(guild, user, kind)
                .query(Long.class)
                .optional()
                .orElse(null);
    }

    private String run(String name, List<Map<String, Object>> options) throws Exception {
        FakeDiscord fake = DISCORD.discord();
        String token = fake.slashCommand(guild, general, moderator, name, options, "en-US");
        return fake.awaitInteractionAnswer(token, WAIT).content();
    }

    private static Map<String, Object> user(String name, long id) {
        return Map.of("name", name, "type", 6, "value", Long.toString(id));
    }

    private static Map<String, Object> text(String name, String value) {
        return Map.of("name", name, "type", 3, "value", value);
    }
}
