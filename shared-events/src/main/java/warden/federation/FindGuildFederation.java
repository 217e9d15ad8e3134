package warden.federation;

import warden.common.GuildId;

/** The federation a server belongs to ({@link FederationView#NONE} if none). */
public record FindGuildFederation(GuildId guild) {}
