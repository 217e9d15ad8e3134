package warden.ledger;

import warden.common.GuildId;

/**
 * The case a server's number names ({@code #42}), of {@code kind} when it has several (a warning is a sanction and an
 * infraction under one number): answers a {@link Case}, or null when there is none.
 */
public record FindCase(GuildId guild, long number, String kind) {}
