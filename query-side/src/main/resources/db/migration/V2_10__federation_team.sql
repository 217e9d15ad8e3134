-- The federation's moderation team: its role in the owner's server, and the partners that let it act.
ALTER TABLE federation ADD COLUMN staff_role BIGINT;
ALTER TABLE federation_partner ADD COLUMN team_access BOOLEAN NOT NULL DEFAULT false;
