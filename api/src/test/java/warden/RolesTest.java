package warden;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import warden.common.CommandRefusedException;
import warden.replay.ReplayService;

/** {@code warden.roles} decides what a node runs. */
class RolesTest {

    @TempDir
    Path dataDir;

    @Test
    void aNodeWithoutTheProjectionsRoleClaimsNoReadModelSegmentAndRefusesToReplay() {
        try (ConfigurableApplicationContext node = start("api")) {
            assertThat(node).isInstanceOf(WebServerApplicationContext.class);
            EventProcessingConfiguration processing = node.getBean(EventProcessingConfiguration.class);
            StreamingEventProcessor ledger = processing
                    .eventProcessor("ledger", StreamingEventProcessor.class)
                    .orElseThrow();
            assertThat(ledger.maxCapacity()).isZero();
            assertThat(ledger.processingStatus()).isEmpty();
            assertThatThrownBy(() -> node.getBean(ReplayService.class).start())
                    .isInstanceOf(CommandRefusedException.class)
                    .hasMessageContaining("error.replay.notProjectionNode");
        }
    }

    @Test
    void aNodeWithoutTheApiRoleServesNoHttp() {
        try (ConfigurableApplicationContext node = start("projections")) {
            assertThat(node).isNotInstanceOf(WebServerApplicationContext.class);
            StreamingEventProcessor ledger = node.getBean(EventProcessingConfiguration.class)
                    .eventProcessor("ledger", StreamingEventProcessor.class)
                    .orElseThrow();
            assertThat(ledger.maxCapacity()).isPositive();
        }
    }

    @Test
    void anUnknownRoleStopsTheStartWithAClearMessage() {
        assertThatThrownBy(() -> start("api, pilot").close())
                .hasMessageContaining("unknown role 'pilot'")
                .hasMessageContaining("api, bot, projections");
    }

    private ConfigurableApplicationContext start(String roles) {
        return new SpringApplicationBuilder(ApiTestApplication.class)
                .run(
                        "--server.port=0",
                        "--warden.roles=" + roles,
                        "--warden.embedded-db.data-dir=" + dataDir.resolve(roles.replaceAll("\\W", "")),
                        "--warden.embedded-db.working-dir=target/embedded-pg",
                        "--warden.embedded-db.durable=false",
                        "--logging.level.org.axonframework=WARN");
    }
}
