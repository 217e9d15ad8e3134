-- Which frequency each linked channel is on, written in the same transaction as the event that links or unlinks
-- it (ChannelClaims): the primary key makes a second, concurrent link of the same channel fail, and the command
-- that tried it is refused instead of stored. Existing links are claimed from the read model.
CREATE TABLE interserver_channel_claim (
    channel_id BIGINT      PRIMARY KEY,
    frequency  VARCHAR(64) NOT NULL
);
INSERT INTO interserver_channel_claim (channel_id, frequency)
SELECT channel_id, frequency FROM interserver_link WHERE unlinked_at IS NULL
ON CONFLICT DO NOTHING;
