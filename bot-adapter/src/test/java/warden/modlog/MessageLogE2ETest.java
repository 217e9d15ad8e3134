package warden.modlog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import warden.common.GuildId;
import warden.config.GuildPolicies;
import warden.discord.FakeDiscordProperties;
import warden.fakediscord.FakeDiscord;
import warden.fakediscord.FakeDiscordExtension;
import warden.fakediscord.Permission;
import warden.fakediscord.RecordedRequest;
import warden.fakediscord.World;
import warden.platform.testing.WardenSpringTest;

/**
 * The message log: a server that names a channel for it sees there what deleted and edited messages said, with the
 * names of their files, whoever deleted them (the member, a moderator, another bot's bulk delete).
 */
@WardenSpringTest
@DirtiesContext
class MessageLogE2ETest {

    static final Duration WAIT = Duration.ofSeconds(30);
    static long guild, general, logChannel, admin, member;

    @RegisterExtension
    static final FakeDiscordExtension DISCORD = new FakeDiscordExtension(MessageLogE2ETest::world);

    static void world(World world) {
        World.GuildSpec g = world.guild("Chatty guild");
        guild = g.id();
        general = g.channel("general");
        logChannel = g.channel("message-log");
        long admins = g.role("Admins", Permission.EVERYONE | Permission.MANAGE_GUILD | Permission.MODERATE_MEMBERS);
        admin = g.member("boss", admins);
        member = g.member("member");
        g.owner(g.member("owner"));
        g.withWarden(Permission.MODERATION_BOT, 5);
    }

    @DynamicPropertySource
    static void discord(DynamicPropertyRegistry registry) {
        FakeDiscordProperties.register(registry, DISCORD);
    }

    @Autowired
    GuildPolicies policies;

    @Test
    void deletedAndEditedMessagesAreShownWithWhatTheySaid() throws Exception {
        FakeDiscord fake = DISCORD.discord();
        assertThat(config("not a channel")).doesNotContain("is now");
        assertThat(policies.current(GuildId.of(guild)).moderation().messageLogChannel())
                .as("a refused value changes nothing")
                .isNull();
        assertThat(config("<#" + logChannel + ">")).startsWith("moderation.messageLogChannel is now " + logChannel);
        await().atMost(WAIT)
                .until(() -> policies.current(GuildId.of(guild)).moderation().messageLogChannel() != null);

        long edited = fake.postMessage(guild, general, member, "see you at eight");
        fake.editMessage(edited, "see you at nine");
        RecordedRequest edit = awaitLog("see you at nine");
        assertThat(embeds(edit))
                .contains("Message edited in <#" + general + "> by <@" + member + ">")
                .contains("Before")
                .contains("see you at eight");

        // the log channel's own messages are not logged: were they, this one would come before what follows
        fake.deleteMessage(fake.postMessage(guild, logChannel, member, "said in the log channel"));
        String file = fake.upload("proof.png", "image/png", "png".getBytes(StandardCharsets.UTF_8));
        fake.deleteMessage(fake.postMessage(guild, general, member, "look at this", List.of(file)));
        RecordedRequest deletion = awaitLog("look at this");
        assertThat(embeds(deletion))
                .contains("Message deleted in <#" + general + ">, written by <@" + member + ">")
                .contains("proof.png");

        List<Long> burst = List.of(
                fake.postMessage(guild, general, member, "spam one"),
                fake.postMessage(guild, general, member, "spam two"),
                fake.postMessage(guild, general, member, "spam three"));
        await().pollDelay(Duration.ofMillis(500)).atMost(WAIT).until(() -> true);
        fake.bulkDelete(guild, general, burst);
        awaitLog("spam three");
        String logged = String.join(
                "\n",
                fake.requests("POST", "channels/" + logChannel + "/messages").stream()
                        .map(MessageLogE2ETest::embeds)
                        .toList());
        assertThat(logged).contains("spam one", "spam two", "spam three").doesNotContain("said in the log channel");
        assertThat(fake.requests("POST", "channels/" + logChannel + "/messages"))
                .as("a post carries up to ten entries: the burst shares posts")
                .hasSizeLessThanOrEqualTo(4);
    }

    private RecordedRequest awaitLog(String text) throws Exception {
        return DISCORD.discord()
                .awaitRequest(
                        r -> r.is("POST", "channels/" + logChannel + "/messages")
                                && embeds(r).contains(text),
                        WAIT,
                        "the message log's post of \"" + text + "\"");
    }

    private static String embeds(RecordedRequest request) {
        return String.valueOf(request.body().get("embeds"));
    }

    private String config(String value) throws Exception {
        String token = DISCORD.discord()
                .slashCommand(
                        guild,
                        general,
                        admin,
                        "config",
                        List.of(
                                text("module", "moderation"),
                                text("option", "messageLogChannel"),
                                text("value", value)),
                        "en-US");
        return DISCORD.discord().awaitInteractionAnswer(token, WAIT).content();
    }

    private static Map<String, Object> text(String name, String value) {
        return Map.of("name", name, "type", 3, "value", value);
    }
}
