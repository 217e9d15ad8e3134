-- The current policy document of each guild (automod settings, sanction rules, premium), as PolicyDocument folds it.
CREATE TABLE guild_policy (
    guild_id    BIGINT      PRIMARY KEY,
    version     BIGINT      NOT NULL,
    document    JSONB       NOT NULL,
    updated_at  TIMESTAMPTZ NOT NULL
);
