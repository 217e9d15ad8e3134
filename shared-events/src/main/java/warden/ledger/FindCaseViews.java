package warden.ledger;

import java.util.List;
import warden.common.GuildId;

/** The moderation log's view of some cases of a server, by their ids: answers a list of {@link CaseView}. */
public record FindCaseViews(GuildId guild, List<String> refIds) {}
