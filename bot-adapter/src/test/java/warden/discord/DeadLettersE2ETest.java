package warden.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import warden.common.Actor;
import warden.common.GuildId;
import warden.common.MemberKey;
import warden.common.Texts;
import warden.common.UserId;
import warden.config.ConfigureModeration;
import warden.config.GuildPolicies;
import warden.config.ModerationSettings;
import warden.fakediscord.FakeDiscord;
import warden.fakediscord.FakeDiscordExtension;
import warden.fakediscord.Fault;
import warden.fakediscord.Permission;
import warden.fakediscord.World;
import warden.platform.testing.ApiClient;
import warden.platform.testing.ApiTokens;
import warden.platform.testing.Browsers;
import warden.platform.testing.WardenSpringTest;
import warden.sanctions.ImposeSanction;
import warden.sanctions.SanctionId;
import warden.sanctions.SanctionKind;
import warden.sanctions.SanctionSpec;

/**
 * One member's side effect failing for ever (Discord answering 502 to every request about them) no longer stalls the
 * shard: it is parked as a dead letter, everyone else's sanctions are applied on time, an operator sees it with its
 * error, and retries it once the cause is gone.
 */
@WardenSpringTest
@DirtiesContext
class DeadLettersE2ETest {

    static final Duration WAIT = Duration.ofSeconds(60);
    static long guild, moderator, poisoned, other;

    @RegisterExtension
    static final FakeDiscordExtension DISCORD = new FakeDiscordExtension(world -> {
        World.GuildSpec g = world.guild("Busy guild");
        guild = g.id();
        g.channel("general");
        moderator = g.member("mod");
        poisoned = g.member("poisoned");
        other = g.member("other");
        g.owner(g.member("owner"));
        g.withWarden(Permission.MODERATION_BOT, 5);
    });

    @DynamicPropertySource
    static void discord(DynamicPropertyRegistry registry) {
        FakeDiscordProperties.register(registry, DISCORD);
    }

    @Autowired
    CommandGateway commands;

    @LocalServerPort
    int port;

    @Autowired
    GuildPolicies policies;

    @Test
    void aPoisonedSideEffectIsParkedAndTheOthersGoOn() throws Exception {
        FakeDiscord fake = DISCORD.discord();
        ApiClient api = new ApiClient(port);
        String poisonedPath = "guilds/" + guild + "/members/" + poisoned;
        fake.inject(new Fault("PATCH", poisonedPath, 502, 0, "Bad Gateway", Integer.MAX_VALUE));
        timeout(poisoned, "dl-poisoned");
        await().atMost(WAIT).until(() -> !fake.requests("PATCH", poisonedPath).isEmpty());

        timeout(other, "dl-other");
        fake.awaitRequest("PATCH", "guilds/" + guild + "/members/" + other, WAIT);

        ApiClient.Response listed = await().atMost(WAIT)
                .until(
                        () -> api.get(ApiTokens.OPERATOR, "/api/v1/admin/dead-letters"),
                        r -> r.body().size() > 0);
        assertThat(listed.status()).isEqualTo(200);
        assertThat(listed.body().get(0).get("sequence").asText()).contains(String.valueOf(poisoned));
        assertThat(listed.body().get(0).get("event").asText()).isEqualTo("SanctionDecided");
        assertThat(listed.body().get(0).get("message").asText()).contains("Bad Gateway");
        assertThat(listed.raw()).doesNotContain(String.valueOf(other));
        assertThat(api.get(null, "/api/v1/admin/dead-letters").status()).isEqualTo(401);

        String processor =
                URLEncoder.encode(listed.body().get(0).get("processor").asText(), StandardCharsets.UTF_8);
        String sequence = URLEncoder.encode(listed.body().get(0).get("sequence").asText(), StandardCharsets.UTF_8);
        assertThat(api.post(ApiTokens.OPERATOR, "/api/v1/admin/dead-letters/" + processor + "/nobody/retry", "")
                        .status())
                .isEqualTo(404);

        assertThat(api.delete(ApiTokens.OPERATOR, "/api/v1/admin/dead-letters/" + processor + "/nobody")
                        .status())
                .isEqualTo(404);
        assertThat(sequence).isNotEmpty();

        // the operator sees it in the panel, and retries it there once the cause is gone
        org.openqa.selenium.WebDriver browser = Browsers.chromium(1100, 900);
        try {
            String panel = "http://127.0.0.1:" + port + "/panel";
            browser.get(panel + "/login");
            Browsers.find(browser, By.id("token")).sendKeys(ApiTokens.OPERATOR);
            Browsers.find(browser, By.id("sign-in")).click();
            Browsers.find(browser, By.id("dead-letters")).click();
            assertThat(Browsers.find(browser, By.id("dead-letter-list")).getText())
                    .contains(String.valueOf(poisoned))
                    .contains("SanctionDecided")
                    .contains("Bad Gateway");
            Browsers.accessible(browser, "panel-dead-letters");
            fake.clearFaults();
            fake.clearRequests();
            Browsers.find(browser, By.cssSelector("button[aria-label^='Retry']"))
                    .click();
            assertThat(Browsers.find(browser, By.cssSelector(".notice")).getText())
                    .contains("retried now");
        } finally {
            browser.quit();
        }
        fake.awaitRequest("PATCH", poisonedPath, WAIT);
        await().atMost(WAIT)
                .until(() -> api.get(ApiTokens.OPERATOR, "/api/v1/admin/dead-letters")
                        .body()
                        .isEmpty());
    }

    @Test
    void aTemplateAndAReasonTooLongTogetherAreCutNotParked() throws Exception {
        FakeDiscord fake = DISCORD.discord();
        var policy = policies.current(GuildId.of(guild));
        String template = "x".repeat(ModerationSettings.MAX_TEMPLATE - 9) + " {reason}";
        commands.sendAndWait(new ConfigureModeration(
                GuildId.of(guild),
                warden.automod.AutomodOptions.with(policy.moderation(), "moderation", "dmTemplate", template),
                policy.version(),
                Actor.system("test"),
                Instant.now()));
        await().atMost(WAIT)
                .until(() -> template.equals(
                        policies.current(GuildId.of(guild)).moderation().dmTemplate()));
        commands.sendAndWait(new ImposeSanction(
                MemberKey.of(guild, other),
                SanctionId.of("dl-long-dm"),
                SanctionSpec.of(SanctionKind.WARN),
                Actor.moderator(UserId.of(moderator)),
                "r".repeat(Texts.MAX_REASON),
                Instant.now(),
                null));
        await().atMost(WAIT).until(() -> fake.directMessagesTo(other).stream().anyMatch(dm -> dm.startsWith("xxx")));
        String dm = fake.directMessagesTo(other).stream()
                .filter(m -> m.startsWith("xxx"))
                .findFirst()
                .orElseThrow();
        assertThat(dm).hasSizeLessThanOrEqualTo(2000).endsWith("r…");
    }

    private void timeout(long member, String id) {
        commands.sendAndWait(new ImposeSanction(
                MemberKey.of(guild, member),
                SanctionId.of(id),
                SanctionSpec.timeout(Duration.ofHours(1)),
                Actor.moderator(UserId.of(moderator)),
                "testing dead letters",
                Instant.now(),
                null));
    }
}
