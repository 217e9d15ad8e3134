package warden.sanctions;

import java.time.Duration;
import java.util.List;

/**
 * Why a rule decided a sanction: the rule as it was, the policy version, the infractions it counted, and the
 * other rules that fired on the same infraction but were outranked by a more severe sanction.
 */
public record RuleDecision(
        RuleId rule,
        long policyVersion,
        InfractionType countedType,
        int threshold,
        Duration window,
        List<InfractionId> counted,
        List<Outranked> outranked) {

    public RuleDecision {
        counted = List.copyOf(counted);
        outranked = outranked == null ? List.of() : List.copyOf(outranked);
    }

    /** A rule that also reached its threshold; its infractions are consumed too, so it does not fire on the next one. */
    public record Outranked(RuleId rule, SanctionSpec sanction, List<InfractionId> counted) {
        public Outranked {
            counted = List.copyOf(counted);
        }
    }
}
