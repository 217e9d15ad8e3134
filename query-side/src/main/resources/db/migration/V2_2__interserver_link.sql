-- Interserver links and their history: who linked which channel to which frequency (by the hash of its secret),
-- and when and why each link ended.
CREATE TABLE interserver_link (
    frequency     VARCHAR(64)  NOT NULL,
    guild_id      BIGINT       NOT NULL,
    channel_id    BIGINT       NOT NULL,
    created       BOOLEAN      NOT NULL,
    linked_by     VARCHAR(128) NOT NULL,
    linked_at     TIMESTAMPTZ  NOT NULL,
    unlinked_at   TIMESTAMPTZ,
    unlink_reason VARCHAR(32),
    unlinked_by   VARCHAR(128),
    PRIMARY KEY (frequency, channel_id, linked_at)
);
CREATE UNIQUE INDEX interserver_link_active_channel ON interserver_link (channel_id) WHERE unlinked_at IS NULL;
CREATE INDEX interserver_link_guild ON interserver_link (guild_id, linked_at DESC);
