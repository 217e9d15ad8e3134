-- Which relayed copy stands for which original message, so that edits and deletions follow after a restart.
-- Operational state of the bot adapter (not a read model: it is not rebuilt by a replay).
CREATE TABLE interserver_relay (
    source_message_id BIGINT      NOT NULL,
    target_channel_id BIGINT      NOT NULL,
    target_message_id BIGINT      NOT NULL,
    webhook_id        BIGINT      NOT NULL,
    created_at        TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (source_message_id, target_channel_id)
);
CREATE INDEX interserver_relay_created ON interserver_relay (created_at);
