package warden.sanctions;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import warden.common.Actor;
import warden.common.MemberKey;
import warden.common.Texts;

/**
 * Records what was done to a member on Discord without Warden deciding it: a ban, kick or timeout from Discord's own
 * menu or another bot (seen in the audit log, or as the change itself when the log is not readable), or the
 * federation's enforcement of a shared ban. It is already done: nothing is carried out. The same {@code actId} twice
 * is a no-op.
 *
 * @param actId  what names the act on Discord (the audit log entry, the gateway event, the federation's entry)
 * @param until  a timeout's end
 * @param counts whether it counts toward the automatic sanction rules, as an infraction (the server's setting)
 * @param rules  the guild's rules, attached at dispatch when null
 */
public record RecordDiscordAct(
        @TargetAggregateIdentifier MemberKey member,
        String actId,
        DiscordAct act,
        Actor by,
        String reason,
        Instant until,
        boolean counts,
        Instant occurredAt,
        SanctionRules rules) {

    public RecordDiscordAct {
        Required.of(member, actId, act, by, occurredAt);
        reason = Texts.reason(reason);
        if (act == DiscordAct.TIMEOUT && until == null) throw new IllegalArgumentException("a timeout has an end");
    }

    public RecordDiscordAct withRules(SanctionRules current) {
        return new RecordDiscordAct(member, actId, act, by, reason, until, counts, occurredAt, current);
    }
}
