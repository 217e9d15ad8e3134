package warden.automod;

import warden.common.UserId;
import warden.sanctions.InfractionType;
import warden.sanctions.SanctionRule;
import warden.sanctions.SanctionSpec;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The guild's automatic sanction rules played over a backtest's infractions in time order, member by member, as the
 * member record decides them live: a rule fires when its window ending at an infraction holds its threshold of
 * infractions it has not counted before; when several fire, the most severe sanction is decided and every fired rule
 * consumes what it counted. A banned member gets no lighter sanction afterwards.
 */
final class RuleSimulator {

    /** A sanction the rules would have decided. */
    record Decision(UserId member, Instant at, String rule, SanctionSpec sanction, String messageId) {
    }

    private record Infraction(String id, InfractionType type, Instant at, Set<String> consumedBy) {
    }

    private final List<SanctionRule> rules;
    private final Map<UserId, List<Infraction>> byMember = new HashMap<>();
    /** Member -> the end of the ban the rules gave them (Instant.MAX when it does not end). */
    private final Map<UserId, Instant> bannedUntil = new HashMap<>();
    private final List<Decision> decisions = new ArrayList<>();

    RuleSimulator(List<SanctionRule> rules) {
        this.rules = rules.stream().filter(SanctionRule::enabled).toList();
    }

    /** Infractions must come in time order (the backtest sorts them across channels). */
    void infraction(UserId member, String messageId, InfractionType type, Instant at) {
        if (rules.isEmpty()) return;
        List<Infraction> history = byMember.computeIfAbsent(member, m -> new ArrayList<>());
        history.add(new Infraction(messageId + ":" + type, type, at, new HashSet<>()));
        List<SanctionRule> fired = new ArrayList<>();
        Map<SanctionRule, List<Infraction>> counted = new HashMap<>();
        for (SanctionRule rule : rules) {
            if (!rule.counts(type)) continue;
            Instant from = at.minus(rule.window());
            List<Infraction> inWindow = history.stream()
                    .filter(i -> !i.at().isBefore(from) && !i.at().isAfter(at) && rule.counts(i.type())
                            && !i.consumedBy().contains(rule.id().value()))
                    .toList();
            if (inWindow.size() >= rule.threshold()) {
                fired.add(rule);
                counted.put(rule, inWindow);
            }
        }
        if (fired.isEmpty()) return;
        SanctionRule winner = fired.stream().max(Comparator.comparing(SanctionRule::sanction, SanctionSpec.BY_SEVERITY)).orElseThrow();
        fired.forEach(rule -> counted.get(rule).forEach(i -> i.consumedBy().add(rule.id().value())));
        boolean ban = winner.sanction().kind() == warden.sanctions.SanctionKind.BAN;
        if (!ban && bannedUntil.getOrDefault(member, Instant.MIN).isAfter(at)) return;
        if (ban) bannedUntil.put(member, winner.sanction().duration() == null ? Instant.MAX : at.plus(winner.sanction().duration()));
        decisions.add(new Decision(member, at, winner.id().value(), winner.sanction(), messageId));
    }

    List<Decision> decisions() {
        return List.copyOf(decisions);
    }
}
