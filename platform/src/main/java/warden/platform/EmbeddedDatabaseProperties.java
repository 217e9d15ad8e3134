package warden.platform;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The embedded PostgreSQL Warden starts when no external database is configured.
 *
 * @param dataDir     where the cluster lives; history survives a restart as long as this folder does
 * @param port        0 picks a free port
 * @param durable     fsync and synchronous commit; only tests turn it off
 * @param workingDir  where the PostgreSQL binaries are unpacked (defaults to a folder under the data dir)
 */
@ConfigurationProperties("warden.embedded-db")
public record EmbeddedDatabaseProperties(Path dataDir, int port, boolean durable, Path workingDir) {

    public EmbeddedDatabaseProperties {
        if (dataDir == null) dataDir = Path.of("warden-data");
        if (port < 0 || port > 65535) throw new IllegalArgumentException("warden.embedded-db.port must be 0..65535");
    }

    public Path effectiveWorkingDir() {
        return workingDir != null ? workingDir : dataDir.resolve("bin");
    }
}
