package warden;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.time.Duration;
import java.time.Instant;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import warden.common.Actor;
import warden.common.MemberKey;
import warden.platform.testing.WardenSpringTest;
import warden.sanctions.Evidence;
import warden.sanctions.ImposeSanction;
import warden.sanctions.InfractionId;
import warden.sanctions.InfractionType;
import warden.sanctions.LiftSanction;
import warden.sanctions.RecordInfraction;
import warden.sanctions.SanctionId;
import warden.sanctions.SanctionSpec;

/**
 * Two nodes on one database see one member record. Node B has the member in memory; node A imposes a timeout; node B
 * is then asked to lift it (as when the sanction's end, or a moderator's REST call, lands on B). B must decide on the
 * record as the store holds it, not as it last saw it.
 */
@WardenSpringTest
@DirtiesContext
class TwoNodesOneRecordTest {

    static final MemberKey MEMBER = MemberKey.of(1_579_000_000_000_000_001L, 1_579_000_000_000_000_002L);

    @Autowired
    CommandGateway nodeA;

    @Autowired
    EmbeddedPostgres database;

    @Autowired
    JdbcClient db;

    @Test
    void aNodeDecidesOnTheRecordAsTheStoreHoldsIt() {
        try (ConfigurableApplicationContext b = new SpringApplicationBuilder(WardenApplication.class)
                .run(
                        "--server.port=0",
                        "--spring.datasource.url=" + database.getJdbcUrl("postgres", "postgres"),
                        "--spring.datasource.username=postgres",
                        "--spring.config.additional-location=classpath:warden-test-tokens.properties",
                        "--warden.discord.token=",
                        "--warden.roles=api",
                        "--logging.level.org.axonframework=WARN")) {
            CommandGateway nodeB = b.getBean(CommandGateway.class);
            var cachedOnB = b.getBean(warden.platform.CaffeineAggregateCache.class);
            nodeB.sendAndWait(new RecordInfraction(
                    MEMBER,
                    InfractionId.of("two-nodes-1"),
                    InfractionType.SPAM,
                    Actor.system("test"),
                    "flood",
                    Evidence.none(),
                    Instant.now(),
                    null));
            assertThat(cachedOnB.containsKey(MEMBER.toString()))
                    .as("node B holds the record")
                    .isTrue();
            nodeA.sendAndWait(new ImposeSanction(
                    MEMBER,
                    SanctionId.of("two-nodes-timeout"),
                    SanctionSpec.timeout(Duration.ofMinutes(30)),
                    Actor.system("test"),
                    "decided on node A",
                    Instant.now(),
                    null));
            // node B reads node A's event and lets its copy of the record go (milliseconds)
            org.awaitility.Awaitility.await()
                    .atMost(Duration.ofSeconds(20))
                    .until(() -> !b.getBean(warden.platform.CaffeineAggregateCache.class)
                            .containsKey(MEMBER.toString()));
            nodeB.sendAndWait(new LiftSanction(
                    MEMBER,
                    SanctionId.of("two-nodes-timeout"),
                    Actor.system("test"),
                    "lifted on node B",
                    Instant.now()));
        }
        assertThat(db.sql("select count(*) from domainevententry where aggregateidentifier = ? and payloadtype = ?")
                        .params(MEMBER.toString(), "warden.sanctions.SanctionLifted")
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }
}
