package warden.greeting;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import warden.discord.FakeDiscordProperties;
import warden.fakediscord.FakeDiscord;
import warden.fakediscord.FakeDiscordExtension;
import warden.fakediscord.Permission;
import warden.fakediscord.RecordedRequest;
import warden.fakediscord.World;
import warden.platform.testing.WardenSpringTest;

/**
 * A feature plugs in by being there: {@link GreetingCommands} exists only in this package of the tests, and its command
 * is registered with Discord beside Warden's own, runs, and proposes values as they are typed, through real JDA.
 */
@WardenSpringTest
@DirtiesContext
class PluggedFeatureE2ETest {

    static final Duration WAIT = Duration.ofSeconds(20);
    static long guild, general, member;

    @RegisterExtension
    static final FakeDiscordExtension DISCORD = new FakeDiscordExtension(PluggedFeatureE2ETest::world);

    static void world(World world) {
        World.GuildSpec g = world.guild("Plugged guild");
        guild = g.id();
        general = g.channel("general");
        member = g.member("member");
        g.owner(g.member("owner"));
        g.withWarden(Permission.MODERATION_BOT, 5);
    }

    @DynamicPropertySource
    static void discord(DynamicPropertyRegistry registry) {
        FakeDiscordProperties.register(registry, DISCORD);
        registry.add("warden.test.greeting", () -> "true");
    }

    @Test
    void aFeatureOfOnePackageIsRegisteredRunAndAutocompleted() throws Exception {
        FakeDiscord fake = DISCORD.discord();
        RecordedRequest registration = fake.awaitRequest("PUT", "applications/\\d+/commands", WAIT);
        assertThat(registration.status()).isEqualTo(200);
        assertThat(registeredNames(fake))
                .contains("greet", "warn", "automod", "interserver", "report", "Report message");

        String token = fake.slashCommand(
                guild, general, member, "greet", List.of(Map.of("name", "name", "type", 3, "value", "Ada")), "en-US");
        assertThat(fake.awaitInteractionAnswer(token, WAIT).content()).isEqualTo("Hello, Ada!");

        String typing = fake.autocomplete(
                guild,
                general,
                member,
                "greet",
                List.of(Map.of("name", "name", "type", 3, "value", "", "focused", true)),
                "en-US");
        assertThat(fake.awaitAutocompleteChoices(typing, WAIT)).containsExactly("Ada", "Grace");
    }

    private static List<String> registeredNames(FakeDiscord fake) throws Exception {
        List<String> names = new ArrayList<>();
        for (JsonNode command : new ObjectMapper().readTree(fake.lastCommandRegistration()))
            names.add(command.path("name").asText());
        return names;
    }
}
