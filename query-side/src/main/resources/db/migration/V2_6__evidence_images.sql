-- Evidence images kept by reference (url, type, size, SHA-256), at most three per sanction or infraction.
ALTER TABLE sanction_state ADD COLUMN images JSONB NOT NULL DEFAULT '[]';
ALTER TABLE infraction_state ADD COLUMN images JSONB NOT NULL DEFAULT '[]';
