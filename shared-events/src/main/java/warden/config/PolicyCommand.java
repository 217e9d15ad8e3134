package warden.config;

import warden.common.GuildId;

/** A command to the guild's {@code GuildPolicy}; it answers with the policy version it left. */
public interface PolicyCommand {
    GuildId guild();
}
