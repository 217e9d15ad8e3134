-- Backups of each server, and its restores with the outcome of every step.
CREATE TABLE backup (
    guild_id     BIGINT       NOT NULL,
    backup_id    VARCHAR(128) NOT NULL,
    label        VARCHAR(200),
    content_hash VARCHAR(64)  NOT NULL,
    size_bytes   INTEGER      NOT NULL,
    roles        INTEGER      NOT NULL,
    channels     INTEGER      NOT NULL,
    members      INTEGER      NOT NULL,
    automatic    BOOLEAN      NOT NULL,
    taken_by     VARCHAR(140) NOT NULL,
    taken_at     TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (guild_id, backup_id)
);
CREATE TABLE restore_run (
    guild_id    BIGINT       NOT NULL,
    restore_id  VARCHAR(128) NOT NULL,
    backup_id   VARCHAR(128) NOT NULL,
    running     BOOLEAN      NOT NULL,
    total       INTEGER      NOT NULL,
    started_at  TIMESTAMPTZ  NOT NULL,
    finished_at TIMESTAMPTZ,
    PRIMARY KEY (guild_id, restore_id)
);
CREATE TABLE restore_step (
    guild_id   BIGINT       NOT NULL,
    restore_id VARCHAR(128) NOT NULL,
    index      INTEGER      NOT NULL,
    kind       VARCHAR(32)  NOT NULL,
    name       VARCHAR(200),
    outcome    VARCHAR(16),
    detail     VARCHAR(500),
    PRIMARY KEY (guild_id, restore_id, index)
);
