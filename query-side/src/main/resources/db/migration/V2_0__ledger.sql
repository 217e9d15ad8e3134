-- Read models of the ledger, rebuilt from the event store by a replay (truncated by their @ResetHandler).

-- Every guild event, append-only, with its business time: the audit timeline and each member's history.
CREATE TABLE audit_event (
    event_id        VARCHAR(64)  PRIMARY KEY,
    global_index    BIGINT       NOT NULL,
    guild_id        BIGINT       NOT NULL,
    user_id         BIGINT,
    event_type      VARCHAR(64)  NOT NULL,
    ref_id          VARCHAR(256),
    infraction_type VARCHAR(32),
    sanction_kind   VARCHAR(16),
    actor           VARCHAR(128),
    reason          TEXT,
    occurred_at     TIMESTAMPTZ  NOT NULL,
    payload         JSONB        NOT NULL
);
CREATE INDEX audit_event_guild_time ON audit_event (guild_id, occurred_at DESC, global_index DESC);
CREATE INDEX audit_event_member_time ON audit_event (guild_id, user_id, occurred_at DESC, global_index DESC);

-- Current state of each infraction (pardons mark it) and each sanction (lifecycle), for standings and explanations.
CREATE TABLE infraction_state (
    guild_id        BIGINT       NOT NULL,
    user_id         BIGINT       NOT NULL,
    infraction_id   VARCHAR(256) NOT NULL,
    infraction_type VARCHAR(32)  NOT NULL,
    source          VARCHAR(128) NOT NULL,
    reason          TEXT,
    evidence        JSONB        NOT NULL,
    occurred_at     TIMESTAMPTZ  NOT NULL,
    pardoned_at     TIMESTAMPTZ,
    pardoned_by     VARCHAR(128),
    pardon_reason   TEXT,
    PRIMARY KEY (guild_id, user_id, infraction_id)
);

CREATE TABLE sanction_state (
    guild_id        BIGINT       NOT NULL,
    user_id         BIGINT       NOT NULL,
    sanction_id     VARCHAR(256) NOT NULL,
    kind            VARCHAR(16)  NOT NULL,
    duration_s      BIGINT,
    decided_by      VARCHAR(128) NOT NULL,
    reason          TEXT,
    decided_at      TIMESTAMPTZ  NOT NULL,
    expires_at      TIMESTAMPTZ,
    status          VARCHAR(16)  NOT NULL,
    status_reason   TEXT,
    status_at       TIMESTAMPTZ  NOT NULL,
    ended_at        TIMESTAMPTZ,
    rule_decision   JSONB,
    PRIMARY KEY (guild_id, sanction_id)
);
CREATE INDEX sanction_state_member ON sanction_state (guild_id, user_id, decided_at);
