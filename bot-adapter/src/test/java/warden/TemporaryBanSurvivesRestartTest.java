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
import org.springframework.jdbc.core.simple.JdbcClient;
import warden.common.Actor;
import warden.common.MemberKey;
import warden.common.UserId;
import warden.sanctions.ImposeSanction;
import warden.sanctions.SanctionId;
import warden.sanctions.SanctionSpec;

/**
 * The end of a temporary ban is a deadline in PostgreSQL (db-scheduler): the node that scheduled it stops before it
 * is due, a new node starts on the same database, and the ban still expires.
 */
class TemporaryBanSurvivesRestartTest {

    @TempDir
    Path dataDir;

    @Test
    void theDeadlineFiresAfterARestart() {
        MemberKey member = MemberKey.of(51, 61);
        // business time in the past, so that a one-day ban ends a few seconds from now
        Instant decidedAt = Instant.now().minus(Duration.ofDays(1)).plusSeconds(6);
        try (ConfigurableApplicationContext first = start()) {
            first.getBean(CommandGateway.class)
                    .sendAndWait(new ImposeSanction(
                            member,
                            SanctionId.of("tb-1"),
                            SanctionSpec.ban(Duration.ofDays(1)),
                            Actor.moderator(UserId.of(7)),
                            "raid",
                            decidedAt,
                            null));
            assertThat(scheduledTasks(first)).isEqualTo(1);
        }
        try (ConfigurableApplicationContext second = start()) {
            JdbcClient db = second.getBean(JdbcClient.class);
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> db.sql("""
                            select count(*) from domainevententry
                            where aggregateidentifier = ? and payloadtype = 'warden.sanctions.SanctionExpired'""")
                                    .param(member.toString())
                                    .query(Long.class)
                                    .single()
                            == 1);
            String expired = db.sql("""
                            select convert_from(payload, 'UTF8') from domainevententry
                            where payloadtype = 'warden.sanctions.SanctionExpired'""").query(String.class).single();
            assertThat(expired).contains("\"occurredAt\":\"" + decidedAt.plus(Duration.ofDays(1)));
            // db-scheduler removes the task once the handler's transaction has committed, a moment after the event
            await().atMost(Duration.ofSeconds(10)).until(() -> scheduledTasks(second) == 0);
        }
    }

    private static long scheduledTasks(ConfigurableApplicationContext context) {
        return context.getBean(JdbcClient.class)
                .sql("select count(*) from scheduled_tasks")
                .query(Long.class)
                .single();
    }

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(WardenApplication.class)
                .run(
                        "--server.port=0",
                        "--warden.embedded-db.data-dir=" + dataDir,
                        "--warden.embedded-db.working-dir=target/embedded-pg",
                        "--warden.embedded-db.durable=false",
                        "--warden.scheduler.polling-interval=500ms",
                        "--warden.discord.token=");
    }
}
