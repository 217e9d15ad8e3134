package warden;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import warden.common.Actor;
import warden.common.MemberKey;
import warden.common.UserId;
import warden.ledger.FindInfractionLog;
import warden.ledger.HistoryPage;
import warden.sanctions.Evidence;
import warden.sanctions.InfractionId;
import warden.sanctions.InfractionType;
import warden.sanctions.RecordInfraction;

/** The embedded default keeps its history in the data folder: a second start on the same folder sees it. */
class RestartKeepsHistoryTest {

    @TempDir
    Path dataDir;

    @Test
    void historySurvivesARestartOnTheSameDataFolder() {
        MemberKey member = MemberKey.of(31, 41);
        try (ConfigurableApplicationContext first = start()) {
            first.getBean(CommandGateway.class)
                    .sendAndWait(new RecordInfraction(
                            member,
                            InfractionId.of("kept"),
                            InfractionType.SPAM,
                            Actor.moderator(UserId.of(7)),
                            "flood",
                            Evidence.none(),
                            Instant.now(),
                            null));
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> log(first, member).total() == 1);
        }
        try (ConfigurableApplicationContext second = start()) {
            HistoryPage page = log(second, member);
            assertThat(page.total()).isEqualTo(1);
            assertThat(page.entries().get(0).refId()).isEqualTo("kept");
        }
    }

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(WardenApplication.class)
                .run(
                        "--server.port=0",
                        "--warden.embedded-db.data-dir=" + dataDir,
                        "--warden.embedded-db.working-dir=target/embedded-pg",
                        "--warden.discord.token=");
    }

    private static HistoryPage log(ConfigurableApplicationContext context, MemberKey member) {
        return context.getBean(QueryGateway.class)
                .query(
                        new FindInfractionLog(member, null, null, null, 0, 10),
                        ResponseTypes.instanceOf(HistoryPage.class))
                .join();
    }
}
