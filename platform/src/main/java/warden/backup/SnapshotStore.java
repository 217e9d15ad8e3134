package warden.backup;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import warden.common.CommandRefusedException;
import warden.common.EventJson;
import warden.common.GuildId;

/**
 * Backup snapshots by content hash (SHA-256 of their canonical JSON). The snapshot is stored before the
 * {@link BackupTaken} event that refers to it, so an event never points at nothing; storing the same content again
 * only refreshes it, and content nobody refers to any more is dropped (unless it was just stored again, by a backup
 * under way).
 */
@Component
@EnableConfigurationProperties(BackupProperties.class)
public class SnapshotStore {

    /** Content stored this recently may belong to a backup being recorded: never dropped. */
    private static final Duration GRACE = Duration.ofMinutes(10);

    private static final ObjectMapper CANONICAL =
            EventJson.mapper().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    public record Stored(String contentHash, int sizeBytes) {}

    private final JdbcClient db;
    private final BackupProperties properties;

    SnapshotStore(JdbcClient db, BackupProperties properties) {
        this.db = db;
        this.properties = properties;
    }

    /** Stores a snapshot; refused when it is larger than the configured limit. */
    public Stored store(GuildId guild, ServerSnapshot snapshot) {
        byte[] json;
        try {
            json = CANONICAL.writeValueAsBytes(snapshot);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (json.length > properties.maxBytes()) {
            throw new CommandRefusedException(
                    "error.backup.tooLarge", json.length / 1024, properties.maxBytes() / 1024);
        }
        String hash = sha256(json);
        db.sql("""
                        insert into backup_snapshot(content_hash, guild_id, size_bytes, content, stored_at) values (?,?,?,?,?)
                        on conflict (content_hash) do update set stored_at = excluded.stored_at""")
                .params(hash, guild.value(), json.length, gzip(json), Timestamp.from(Instant.now()))
                .update();
        return new Stored(hash, json.length);
    }

    public Optional<ServerSnapshot> load(String contentHash) {
        return db.sql("select content from backup_snapshot where content_hash = ?")
                .param(contentHash)
                .query((rs, n) -> read(rs.getBytes(1)))
                .optional();
    }

    /** Drops content no backup refers to any more. */
    public void forget(String contentHash) {
        db.sql("delete from backup_snapshot where content_hash = ? and stored_at < ?")
                .params(contentHash, Timestamp.from(Instant.now().minus(GRACE)))
                .update();
    }

    private static ServerSnapshot read(byte[] gzipped) {
        try (var in = new GZIPInputStream(new ByteArrayInputStream(gzipped))) {
            return CANONICAL.readValue(in.readAllBytes(), ServerSnapshot.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] gzip(byte[] bytes) {
        var out = new ByteArrayOutputStream(bytes.length / 4 + 64);
        try (var zip = new GZIPOutputStream(out)) {
            zip.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
