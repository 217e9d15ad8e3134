-- Backup snapshots, stored once per content hash (a server backed up unchanged twice holds one copy); gzip'd JSON.
CREATE TABLE backup_snapshot (
    content_hash VARCHAR(64) PRIMARY KEY,
    guild_id     BIGINT      NOT NULL,
    size_bytes   INTEGER     NOT NULL,
    content      BYTEA       NOT NULL,
    stored_at    TIMESTAMPTZ NOT NULL
);
