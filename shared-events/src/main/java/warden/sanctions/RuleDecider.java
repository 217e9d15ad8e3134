package warden.sanctions;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * The automatic sanction rules' decision on one infraction, as one pure function: {@code MemberRecord} takes its
 * decisions with it and every simulation (the backtest) plays histories through it, so the two cannot disagree.
 * <p>
 * A rule fires when the busiest window of its length holding the infraction holds its threshold of infractions it
 * counts, not pardoned and not counted by it before: infractions recorded in order make this the window ending at the
 * infraction, and one that arrives late still meets those around its own time, so a decision depends on event times
 * only, never on arrival order. When several rules fire, one sanction is decided, the most severe; the others are
 * outranked, and every fired rule consumes what it counted (see {@link #consumed}). A banned member is gone from
 * the server: no lighter sanction is decided for them, and nothing is consumed.
 */
public final class RuleDecider {

    /** What a rule needs of an infraction; {@code consumedBy} names the rules that already counted it. */
    public interface Counted {
        String id();

        InfractionType type();

        Instant occurredAt();

        boolean pardoned();

        Set<String> consumedBy();
    }

    /** A member's infractions, by time. */
    @FunctionalInterface
    public interface History {
        /** Those that occurred within {@code [from, to]}, both ends included, in time order (then by id). */
        Collection<? extends Counted> between(Instant from, Instant to);
    }

    private RuleDecider() {}

    /**
     * The sanction the rules decide on an infraction of {@code type} at {@code at}, which {@code history} already
     * holds; empty when no rule fires, or when only lighter sanctions than a ban fire for a member banned at {@code at}.
     */
    public static Optional<RuleDecision> decide(
            SanctionRules rules, InfractionType type, Instant at, History history, boolean banned) {
        if (rules == null) return Optional.empty();
        List<SanctionRule> enabled = rules.enabled();
        List<RuleDecision.Outranked> fired = new ArrayList<>();
        for (SanctionRule rule : enabled) {
            if (!rule.counts(type)) continue;
            List<Counted> candidates = new ArrayList<>();
            for (Counted i : history.between(at.minus(rule.window()), at.plus(rule.window()))) {
                if (!i.pardoned()
                        && rule.counts(i.type())
                        && !i.consumedBy().contains(rule.id().value())) candidates.add(i);
            }
            List<InfractionId> counted = busiestWindow(candidates, rule.window(), at);
            if (counted.size() >= rule.threshold())
                fired.add(new RuleDecision.Outranked(rule.id(), rule.sanction(), counted));
        }
        if (fired.isEmpty()) return Optional.empty();
        RuleDecision.Outranked winner = fired.stream()
                .max(Comparator.comparing(RuleDecision.Outranked::sanction, SanctionSpec.BY_SEVERITY))
                .orElseThrow();
        // a rule's timeout, kick or warning would only fail on Discord for a member who is gone
        if (winner.sanction().kind() != SanctionKind.BAN && banned) return Optional.empty();
        SanctionRule rule = enabled.stream()
                .filter(r -> r.id().equals(winner.rule()))
                .findFirst()
                .orElseThrow();
        List<RuleDecision.Outranked> outranked =
                fired.stream().filter(f -> f != winner).toList();
        return Optional.of(new RuleDecision(
                rule.id(),
                rules.policyVersion(),
                rule.countedType(),
                rule.threshold(),
                rule.window(),
                winner.counted(),
                outranked));
    }

    /** Every infraction a decision consumes, with the rule that consumed it: the winner's and the outranked rules'. */
    public static void consumed(RuleDecision decision, BiConsumer<RuleId, InfractionId> action) {
        decision.counted().forEach(id -> action.accept(decision.rule(), id));
        decision.outranked().forEach(o -> o.counted().forEach(id -> action.accept(o.rule(), id)));
    }

    /**
     * The most infractions a window of length {@code window} holds among those containing {@code at}, both edges
     * included. Linear: both ends of the window only move forward.
     */
    static List<InfractionId> busiestWindow(List<? extends Counted> sortedByTime, Duration window, Instant at) {
        int bestFrom = 0;
        int bestTo = 0;
        int end = 0;
        for (int start = 0; start < sortedByTime.size(); start++) {
            Instant from = sortedByTime.get(start).occurredAt();
            if (from.isAfter(at)) break;
            Instant to = from.plus(window);
            if (to.isBefore(at)) continue;
            if (end < start) end = start;
            while (end < sortedByTime.size()
                    && !sortedByTime.get(end).occurredAt().isAfter(to)) end++;
            if (end - start > bestTo - bestFrom) {
                bestFrom = start;
                bestTo = end;
            }
        }
        return sortedByTime.subList(bestFrom, bestTo).stream()
                .map(i -> InfractionId.of(i.id()))
                .toList();
    }
}
