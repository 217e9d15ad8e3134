-- Full-text search over a sanction's reason and context, in English and French (both stemmings, one index).
ALTER TABLE sanction_state ADD COLUMN search tsvector GENERATED ALWAYS AS (
    to_tsvector('english', coalesce(reason, '') || ' ' || coalesce(context, ''))
    || to_tsvector('french', coalesce(reason, '') || ' ' || coalesce(context, ''))) STORED;
CREATE INDEX sanction_state_search ON sanction_state USING gin (search);
CREATE INDEX sanction_state_guild_time ON sanction_state (guild_id, decided_at DESC, sanction_id);
