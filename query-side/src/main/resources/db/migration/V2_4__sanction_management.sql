-- Sanctions managed after the fact: a context beside the reason, a new end, removal (kept, hidden from counts).
ALTER TABLE sanction_state ADD COLUMN context        TEXT;
ALTER TABLE sanction_state ADD COLUMN removed_at     TIMESTAMPTZ;
ALTER TABLE sanction_state ADD COLUMN removed_by     VARCHAR(128);
ALTER TABLE sanction_state ADD COLUMN removed_reason TEXT;
ALTER TABLE sanction_state ADD COLUMN reset_id       VARCHAR(128);
