-- Wrong frequencies presented, per member ("u:<id>") and per server ("g:<id>"), counted over a window: guessing is
-- slowed down across restarts and across nodes.
CREATE TABLE interserver_attempt (
    attempt_key  VARCHAR(32) PRIMARY KEY,
    window_start TIMESTAMPTZ NOT NULL,
    failures     INTEGER     NOT NULL
);
