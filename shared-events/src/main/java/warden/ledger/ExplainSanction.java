package warden.ledger;

import warden.common.GuildId;
import warden.sanctions.SanctionId;

/** Why a sanction happened: the rule and policy version that decided it and the infractions it counted. */
public record ExplainSanction(GuildId guild, SanctionId sanction) {}
