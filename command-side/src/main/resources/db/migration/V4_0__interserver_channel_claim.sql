-- Which frequency each linked channel is on, written in the same transaction as the event that links or unlinks
-- it (ChannelClaims): the primary key makes a second, concurrent link of the same channel fail, and the command
-- that tried it is refused instead of stored. It is also the consistent list of active links each node loads its
-- link directory from. Existing links are claimed from the read model.
CREATE TABLE interserver_channel_claim (
    channel_id BIGINT      PRIMARY KEY,
    frequency  VARCHAR(64) NOT NULL,
    guild_id   BIGINT      NOT NULL
);
CREATE INDEX interserver_channel_claim_frequency ON interserver_channel_claim (frequency);
INSERT INTO interserver_channel_claim (channel_id, frequency, guild_id)
SELECT channel_id, frequency, guild_id FROM interserver_link WHERE unlinked_at IS NULL
ON CONFLICT DO NOTHING;
