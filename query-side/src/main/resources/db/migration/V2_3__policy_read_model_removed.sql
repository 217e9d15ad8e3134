-- A guild's current policy is now kept by GuildPolicies (command side), folded from the policy's own event stream
-- and followed by events on every node: the projection that duplicated it, and its token, are gone.
DROP TABLE IF EXISTS guild_policy;
DELETE FROM TokenEntry WHERE processorName = 'policy';
