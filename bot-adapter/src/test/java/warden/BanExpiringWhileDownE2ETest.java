package warden;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import warden.common.Actor;
import warden.common.MemberKey;
import warden.common.UserId;
import warden.fakediscord.FakeDiscord;
import warden.fakediscord.Permission;
import warden.fakediscord.RecordedRequest;
import warden.fakediscord.World;
import warden.sanctions.ImposeSanction;
import warden.sanctions.SanctionId;
import warden.sanctions.SanctionSpec;

/**
 * A temporary ban whose end falls while Warden is down is lifted on Discord right after the restart: the deadline
 * lives in PostgreSQL, and the new node's sanction executor continues from where the old one stopped.
 */
class BanExpiringWhileDownE2ETest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir
    Path dataDir;

    @Test
    void theBanIsLiftedOnDiscordAfterTheRestart() {
        try (FakeDiscord fake = new FakeDiscord()) {
            World.GuildSpec g = fake.world().guild("Restarts");
            g.channel("general");
            g.owner(g.member("owner"));
            g.withWarden(Permission.MODERATION_BOT, 5);
            long member = g.member("raider");
            fake.start();
            // business time in the past: the one-day ban ends eight seconds from now, while no Warden runs
            Instant decidedAt = Instant.now().minus(Duration.ofDays(1)).plusSeconds(8);
            try (ConfigurableApplicationContext first = node(fake)) {
                first.getBean(CommandGateway.class)
                        .sendAndWait(new ImposeSanction(
                                MemberKey.of(g.id(), member),
                                SanctionId.of("temp-ban"),
                                SanctionSpec.ban(Duration.ofDays(1)),
                                Actor.moderator(UserId.of(7)),
                                "raid",
                                decidedAt,
                                null));
                await().atMost(WAIT).until(() -> g.banned(member));
            }
            await().atMost(WAIT)
                    .until(() -> Instant.now()
                            .isAfter(decidedAt.plus(Duration.ofDays(1)).plusSeconds(1)));
            assertThat(g.banned(member)).as("still banned while Warden is down").isTrue();
            try (ConfigurableApplicationContext second = node(fake)) {
                RecordedRequest unban = fake.awaitRequest("DELETE", "guilds/" + g.id() + "/bans/" + member, WAIT);
                assertThat(unban.status()).isEqualTo(204);
                assertThat(g.banned(member)).isFalse();
            }
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError(e);
        }
    }

    private ConfigurableApplicationContext node(FakeDiscord fake) {
        return new SpringApplicationBuilder(WardenApplication.class)
                .run(
                        "--server.port=0",
                        "--warden.embedded-db.data-dir=" + dataDir,
                        "--warden.embedded-db.working-dir=target/embedded-pg",
                        "--warden.embedded-db.durable=false",
                        "--warden.scheduler.polling-interval=500ms",
                        "--warden.discord.token=fake-bot-token",
                        "--warden.discord.api-base-url=" + fake.restBaseUrl(),
                        "--warden.discord.gateway-url=" + fake.gatewayUrl(),
                        "--logging.level.org.axonframework=WARN");
    }
}
