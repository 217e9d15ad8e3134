package warden.platform;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * Starts a real PostgreSQL from Maven Central binaries when no {@code spring.datasource.url} is set, so that a
 * newcomer runs Warden with one command and keeps the history in a folder.
 */
@AutoConfiguration(beforeName = "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration")
@Conditional(EmbeddedPostgresAutoConfiguration.NoExternalDatabase.class)
@EnableConfigurationProperties(EmbeddedDatabaseProperties.class)
public class EmbeddedPostgresAutoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresAutoConfiguration.class);

    /**
     * The data folder, taken first: the database below depends on it, so it is let go only after the database has
     * stopped.
     */
    @Bean(destroyMethod = "close")
    DataFolderLock dataFolderLock(EmbeddedDatabaseProperties properties, Environment environment) throws IOException {
        try {
            return DataFolderLock.take(properties.dataDir().toAbsolutePath());
        } catch (DataFolderLock.Held e) {
            throw new EmbeddedDatabaseStartFailure(
                    e.getMessage(),
                    "replay".equals(environment.getProperty("warden.cli.command"))
                            ? "Replay on the running Warden instead: POST /api/v1/admin/replay (docs/operations.md)."
                            : "Stop that Warden first, or give this one a folder of its own with WARDEN_DATA_DIR.",
                    e);
        }
    }

    /** {@code dataFolder} is asked for only so that the folder is taken before, and let go after, the database. */
    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(EmbeddedDatabaseProperties properties, DataFolderLock dataFolder)
            throws IOException {
        Path dataDir = properties.dataDir().toAbsolutePath();
        Path workingDir = properties.effectiveWorkingDir().toAbsolutePath();
        Files.createDirectories(dataDir);
        Files.createDirectories(workingDir);
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(dataDir.resolve("pg"))
                .setOverrideWorkingDirectory(workingDir.toFile())
                .setCleanDataDirectory(false)
                .setRegisterShutdownHook(false)
                .setPort(properties.port());
        if (properties.durable()) {
            // zonky starts PostgreSQL with -F and asynchronous commits: fine for tests, a data loss on a crash here.
            builder.setServerConfig("fsync", "on").setServerConfig("synchronous_commit", "on");
        }
        EmbeddedPostgres postgres;
        try {
            LeftoverPostgres.clear(dataDir.resolve("pg"), workingDir);
            postgres = builder.start();
        } catch (LeftoverPostgres.NotOurs e) {
            throw new EmbeddedDatabaseStartFailure(
                    e.getMessage(),
                    "Stop that PostgreSQL, or give Warden a folder of its own with WARDEN_DATA_DIR.",
                    e);
        } catch (IOException | RuntimeException e) {
            throw new EmbeddedDatabaseStartFailure(
                    "The embedded PostgreSQL could not start on " + dataDir + ": " + rootMessage(e),
                    "Check that " + dataDir
                            + " is writable and its disk not full (PostgreSQL's own messages are above), "
                            + "or set WARDEN_DB_URL to use an external PostgreSQL.",
                    e);
        }
        log.info(
                "Embedded PostgreSQL started on port {} with data in {} (durable: {})",
                postgres.getPort(),
                dataDir,
                properties.durable());
        return postgres;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) root = root.getCause();
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }

    @Bean
    DataSource dataSource(EmbeddedPostgres postgres) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
        config.setUsername("postgres");
        config.setPoolName("warden-embedded");
        config.setMaximumPoolSize(20);
        // while PostgreSQL is unreachable, answer "try again" after a few seconds rather than hold callers for 30
        config.setConnectionTimeout(5_000);
        // as spring.datasource.hikari.data-source-properties does for an external database (platform.properties)
        config.addDataSourceProperty("reWriteBatchedInserts", "true");
        return new HikariDataSource(config);
    }

    static class NoExternalDatabase implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return !StringUtils.hasText(context.getEnvironment().getProperty("spring.datasource.url"));
        }
    }
}
