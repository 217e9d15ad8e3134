package warden.ledger;

import warden.common.GuildId;

/**
 * A server's latest cases of a kind ({@code sanction}, {@code infraction}, {@code note}), newest first, of one member
 * when {@code userId} is given: what a moderator is offered while typing a case. Answers a list of {@link Case}.
 */
public record FindRecentCases(GuildId guild, String kind, Long userId, int limit) {}
