-- Raids: the current or last raid of each server, and the accounts that joined during each.
CREATE TABLE raid (
    guild_id              BIGINT       PRIMARY KEY,
    raid_id               VARCHAR(128) NOT NULL,
    active                BOOLEAN      NOT NULL,
    previous_verification VARCHAR(32),
    started_at            TIMESTAMPTZ  NOT NULL,
    ended_at              TIMESTAMPTZ
);
CREATE TABLE raid_account (
    guild_id  BIGINT       NOT NULL,
    raid_id   VARCHAR(128) NOT NULL,
    user_id   BIGINT       NOT NULL,
    joined_at TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (guild_id, raid_id, user_id)
);
