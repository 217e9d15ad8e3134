package warden.sanctions;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import warden.common.UserId;

/**
 * The guild's sanction rules played over infractions that never happened on the server (a backtest over a chat
 * export), member by member, through the same {@link RuleDecider} as {@code MemberRecord}: what it says the rules would
 * have done is what they do. Like the member record, it keeps each member's infractions within the horizon of their
 * newest one, ordered by time, and knows the bans its rules decided.
 */
public final class RuleSimulation {

    /** The longest window a rule may have, and a day: no window reaches further back than this. */
    private static final Duration HORIZON = RuleLimits.MAX_WINDOW.plusDays(1);

    /** A sanction the rules would have decided, on the infraction {@code trigger}. */
    public record Decision(UserId member, Instant at, InfractionId trigger, RuleId rule, SanctionSpec sanction) {}

    private record Infraction(
            String id, InfractionType type, Instant occurredAt, boolean pardoned, Set<String> consumedBy)
            implements RuleDecider.Counted {
        static final Comparator<Infraction> BY_TIME =
                Comparator.comparing(Infraction::occurredAt).thenComparing(Infraction::id);

        static Infraction boundary(Instant at) {
            return new Infraction("", null, at, false, Set.of());
        }

        Infraction consumedBy(String rule) {
            Set<String> rules = new HashSet<>(consumedBy);
            rules.add(rule);
            return new Infraction(id, type, occurredAt, pardoned, Set.copyOf(rules));
        }
    }

    /** One member as the simulation knows them. */
    private static final class Member {
        final NavigableSet<Infraction> byTime = new TreeSet<>(Infraction.BY_TIME);
        final Map<String, Infraction> byId = new HashMap<>();
        /** When each ban the rules decided ends (Instant.MAX when it does not). */
        final List<Instant> bansUntil = new ArrayList<>();

        boolean bannedAt(Instant at) {
            return bansUntil.stream().anyMatch(until -> until.isAfter(at));
        }
    }

    private final SanctionRules rules;
    private final Map<UserId, Member> members = new HashMap<>();
    private final List<Decision> decisions = new ArrayList<>();

    public RuleSimulation(SanctionRules rules) {
        this.rules = rules;
    }

    /** One infraction, as it arrives; a known id again is ignored, as a redelivery is. */
    public Optional<Decision> infraction(UserId user, InfractionId id, InfractionType type, Instant at) {
        if (rules.enabled().isEmpty()) return Optional.empty();
        Member member = members.computeIfAbsent(user, u -> new Member());
        if (member.byId.containsKey(id.value())) return Optional.empty();
        put(member, new Infraction(id.value(), type, at, false, Set.of()));
        forgetBeyondHorizon(member);
        if (!member.byId.containsKey(id.value())) return Optional.empty(); // older than the horizon
        Optional<RuleDecision> decided = RuleDecider.decide(
                rules,
                type,
                at,
                (from, to) -> member.byTime.subSet(
                        Infraction.boundary(from), true, Infraction.boundary(to.plusNanos(1)), false),
                member.bannedAt(at));
        if (decided.isEmpty()) return Optional.empty();
        RuleDecision why = decided.get();
        RuleDecider.consumed(why, (rule, infraction) -> {
            Infraction counted = member.byId.get(infraction.value());
            if (counted != null) put(member, counted.consumedBy(rule.value()));
        });
        SanctionSpec sanction = rules.rules().stream()
                .filter(r -> r.id().equals(why.rule()))
                .findFirst()
                .orElseThrow()
                .sanction();
        if (sanction.kind() == SanctionKind.BAN)
            member.bansUntil.add(sanction.duration() == null ? Instant.MAX : at.plus(sanction.duration()));
        Decision decision = new Decision(user, at, id, why.rule(), sanction);
        decisions.add(decision);
        return Optional.of(decision);
    }

    public List<Decision> decisions() {
        return List.copyOf(decisions);
    }

    private static void put(Member member, Infraction infraction) {
        Infraction previous = member.byId.put(infraction.id(), infraction);
        if (previous != null) member.byTime.remove(previous);
        member.byTime.add(infraction);
    }

    private static void forgetBeyondHorizon(Member member) {
        Instant cutoff = member.byTime.last().occurredAt().minus(HORIZON);
        while (!member.byTime.isEmpty() && member.byTime.first().occurredAt().isBefore(cutoff)) {
            member.byId.remove(member.byTime.pollFirst().id());
        }
    }
}
