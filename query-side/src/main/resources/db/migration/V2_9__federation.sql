-- Federations of partner servers: partners and their settings, the shared ban list, overrides and outcomes per server.
CREATE TABLE federation (
    federation_id VARCHAR(64)  PRIMARY KEY,
    name          VARCHAR(100) NOT NULL,
    owner_guild   BIGINT       NOT NULL,
    created_at    TIMESTAMPTZ  NOT NULL
);
CREATE TABLE federation_partner (
    guild_id      BIGINT      PRIMARY KEY,
    federation_id VARCHAR(64) NOT NULL,
    publish       BOOLEAN     NOT NULL,
    subscribe     BOOLEAN     NOT NULL,
    suspended     BOOLEAN     NOT NULL DEFAULT false,
    mode          VARCHAR(16) NOT NULL DEFAULT 'AUTOMATIC',
    alert_channel BIGINT,
    never_users   TEXT        NOT NULL DEFAULT '',
    never_roles   TEXT        NOT NULL DEFAULT ''
);
CREATE INDEX federation_partner_by_federation ON federation_partner (federation_id);
CREATE TABLE federation_entry (
    federation_id VARCHAR(64)  NOT NULL,
    entry_id      VARCHAR(64)  NOT NULL,
    user_id       BIGINT       NOT NULL,
    reason        VARCHAR(500) NOT NULL,
    evidence      TEXT         NOT NULL,
    publisher     BIGINT       NOT NULL,
    published_by  VARCHAR(140) NOT NULL,
    active        BOOLEAN      NOT NULL,
    published_at  TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (federation_id, entry_id)
);
CREATE TABLE federation_override (
    federation_id VARCHAR(64) NOT NULL,
    entry_id      VARCHAR(64) NOT NULL,
    guild_id      BIGINT      NOT NULL,
    PRIMARY KEY (federation_id, entry_id, guild_id)
);
CREATE TABLE federation_outcome (
    federation_id VARCHAR(64) NOT NULL,
    entry_id      VARCHAR(64) NOT NULL,
    guild_id      BIGINT      NOT NULL,
    outcome       VARCHAR(32) NOT NULL,
    detail        VARCHAR(500),
    at            TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (federation_id, entry_id, guild_id)
);
