-- A copy whose webhook is gone can no longer be edited or deleted by anyone (Discord lets a webhook touch only its
-- own messages): the relay history says so instead of trying through another webhook.
ALTER TABLE interserver_relay ADD COLUMN unfollowable_since TIMESTAMPTZ;
