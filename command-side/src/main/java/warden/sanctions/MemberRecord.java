package warden.sanctions;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import warden.common.Actor;
import warden.common.CommandRefusedException;
import warden.common.MemberKey;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One guild member's record: infractions, pardons, notes and sanctions. It decides automatic sanctions from the
 * rules attached to the command, counting infractions by their business time only, so a replay decides the same.
 */
@Aggregate(cache = "memberRecordCache")
public class MemberRecord {

    static final String EXPIRY_DEADLINE_PREFIX = "sanction-expiry:";

    /** {@code guild:user}; a String, because deadlines store the identifier and must read it back as it was. */
    @AggregateIdentifier
    private String id;
    private MemberKey member;
    private final Map<InfractionId, Infraction> infractions = new LinkedHashMap<>();
    private final Map<SanctionId, Sanction> sanctions = new HashMap<>();
    private final Set<NoteId> notes = new HashSet<>();
    /** Infractions already counted by a rule that fired: a rule never fires twice on the same infractions. */
    private final Map<RuleId, Set<InfractionId>> consumed = new HashMap<>();

    protected MemberRecord() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(RecordInfraction cmd, DeadlineManager deadlines) {
        if (infractions.containsKey(cmd.infractionId())) return;
        apply(new InfractionRecorded(cmd.member(), cmd.infractionId(), cmd.type(), cmd.by(), cmd.reason(),
                cmd.evidence(), cmd.occurredAt()));
        enforceRules(cmd.member(), cmd.rules(), cmd.infractionId(), cmd.occurredAt(), deadlines);
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(ImposeSanction cmd, DeadlineManager deadlines) {
        if (sanctions.containsKey(cmd.sanctionId())) return;
        SanctionSpec spec = cmd.sanction();
        decide(cmd.member(), cmd.sanctionId(), spec, cmd.by(), cmd.reason(), null, cmd.occurredAt(), deadlines);
        if (spec.kind() == SanctionKind.UNBAN) {
            activeSanctions(cmd.occurredAt()).stream()
                    .filter(s -> s.kind() == SanctionKind.BAN)
                    .forEach(ban -> {
                        cancelExpiry(ban.id(), deadlines);
                        apply(new SanctionLifted(member, ban.id(), ban.kind(), cmd.by(), cmd.reason(),
                                LiftCause.UNBANNED, cmd.occurredAt()));
                    });
        }
        if (spec.kind() == SanctionKind.WARN) {
            InfractionId warning = InfractionId.of("warn:" + cmd.sanctionId());
            apply(new InfractionRecorded(cmd.member(), warning, InfractionType.WARNING, cmd.by(), cmd.reason(),
                    Evidence.none(), cmd.occurredAt()));
            enforceRules(cmd.member(), cmd.rules(), warning, cmd.occurredAt(), deadlines);
        }
    }

    @CommandHandler
    void handle(PardonInfraction cmd) {
        Infraction infraction = infractions.get(cmd.infractionId());
        if (infraction == null) throw new CommandRefusedException("error.infraction.unknown", cmd.infractionId());
        if (infraction.pardoned()) throw new CommandRefusedException("error.infraction.alreadyPardoned", cmd.infractionId());
        apply(new InfractionPardoned(member, cmd.infractionId(), cmd.by(), cmd.reason(), cmd.occurredAt()));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(AddNote cmd) {
        if (notes.contains(cmd.noteId())) return;
        apply(new NoteAdded(cmd.member(), cmd.noteId(), cmd.by(), cmd.text(), cmd.occurredAt()));
    }

    @CommandHandler
    void handle(LiftSanction cmd, DeadlineManager deadlines) {
        Sanction sanction = known(cmd.sanctionId());
        if (!sanction.kind().lasting()) throw new CommandRefusedException("error.sanction.notLasting", cmd.sanctionId(), sanction.kind());
        if (!sanction.activeAt(cmd.occurredAt())) throw new CommandRefusedException("error.sanction.notActive", cmd.sanctionId());
        cancelExpiry(sanction.id(), deadlines);
        apply(new SanctionLifted(member, sanction.id(), sanction.kind(), cmd.by(), cmd.reason(), LiftCause.LIFTED,
                cmd.occurredAt()));
    }

    @CommandHandler
    void handle(ConfirmSanctionApplied cmd) {
        Sanction sanction = known(cmd.sanctionId());
        if (sanction.outcomeKnown()) return;
        apply(new SanctionApplied(member, sanction.id(), sanction.kind(), cmd.occurredAt()));
    }

    @CommandHandler
    void handle(ReportSanctionFailed cmd) {
        Sanction sanction = known(cmd.sanctionId());
        if (sanction.outcomeKnown()) return;
        apply(new SanctionFailed(member, sanction.id(), sanction.kind(), cmd.reason(), cmd.occurredAt()));
    }

    @DeadlineHandler
    void on(SanctionExpiryDue due) {
        Sanction sanction = sanctions.get(due.sanctionId());
        // A lifted or failed sanction has nothing left to end, even if cancelling its deadline lost a race.
        if (sanction == null || sanction.ended() || sanction.failed()) return;
        apply(new SanctionExpired(member, sanction.id(), sanction.kind(), sanction.expiresAt()));
    }

    private void enforceRules(MemberKey target, SanctionRules rules, InfractionId trigger, Instant at, DeadlineManager deadlines) {
        if (rules == null) return;
        InfractionType type = infractions.get(trigger).type();
        List<RuleDecision.Outranked> fired = new ArrayList<>();
        for (SanctionRule rule : rules.enabled()) {
            if (!rule.counts(type)) continue;
            Set<InfractionId> alreadyCounted = consumed.getOrDefault(rule.id(), Set.of());
            List<Infraction> candidates = infractions.values().stream()
                    .filter(i -> !i.pardoned() && rule.counts(i.type()) && !alreadyCounted.contains(i.id()))
                    .sorted(BY_TIME)
                    .toList();
            List<InfractionId> counted = busiestWindow(candidates, rule.window(), at);
            if (counted.size() >= rule.threshold()) fired.add(new RuleDecision.Outranked(rule.id(), rule.sanction(), counted));
        }
        if (fired.isEmpty()) return;
        // Several rules reaching their threshold on one infraction decide one sanction, the most severe; the
        // others are recorded as outranked and their infractions consumed, so they do not fire on the next one.
        RuleDecision.Outranked winner = fired.stream()
                .max(Comparator.comparing(RuleDecision.Outranked::sanction, SanctionSpec.BY_SEVERITY))
                .orElseThrow();
        SanctionRule rule = rules.rules().stream().filter(r -> r.id().equals(winner.rule())).findFirst().orElseThrow();
        List<RuleDecision.Outranked> outranked = fired.stream().filter(f -> f != winner).toList();
        RuleDecision decision = new RuleDecision(rule.id(), rules.policyVersion(), rule.countedType(), rule.threshold(),
                rule.window(), winner.counted(), outranked);
        SanctionId sanctionId = SanctionId.of("rule:" + rule.id() + ":" + trigger);
        decide(target, sanctionId, rule.sanction(), Actor.rule(rule.id().value()), null, decision, at, deadlines);
    }

    private static final Comparator<Infraction> BY_TIME = Comparator.comparing(Infraction::occurredAt)
            .thenComparing(i -> i.id().value());

    /**
     * The most infractions a window of length {@code window} holds among those containing {@code at}, both edges
     * included. Infractions recorded in order make this the window ending at {@code at}; one that arrives late
     * (a slower node, a retried command) still meets the infractions around its own time, so the decision
     * depends on event times only, never on arrival order.
     */
    static List<InfractionId> busiestWindow(List<Infraction> sortedByTime, Duration window, Instant at) {
        List<InfractionId> best = List.of();
        for (int start = 0; start < sortedByTime.size(); start++) {
            Instant from = sortedByTime.get(start).occurredAt();
            if (from.isAfter(at)) break;
            Instant to = from.plus(window);
            if (to.isBefore(at)) continue;
            List<InfractionId> inside = new ArrayList<>();
            for (int i = start; i < sortedByTime.size() && !sortedByTime.get(i).occurredAt().isAfter(to); i++) {
                inside.add(sortedByTime.get(i).id());
            }
            if (inside.size() > best.size()) best = inside;
        }
        return best;
    }

    private void decide(MemberKey target, SanctionId id, SanctionSpec spec, Actor by, String reason, RuleDecision rule, Instant at,
                        DeadlineManager deadlines) {
        Instant expiresAt = spec.expiresAt(at);
        apply(new SanctionDecided(target, id, spec, by, reason, rule, at, expiresAt));
        if (expiresAt != null) {
            deadlines.schedule(expiresAt, EXPIRY_DEADLINE_PREFIX + id, new SanctionExpiryDue(id));
        }
    }

    private void cancelExpiry(SanctionId id, DeadlineManager deadlines) {
        deadlines.cancelAllWithinScope(EXPIRY_DEADLINE_PREFIX + id);
    }

    private Sanction known(SanctionId id) {
        return Optional.ofNullable(sanctions.get(id))
                .orElseThrow(() -> new CommandRefusedException("error.sanction.unknown", id));
    }

    private List<Sanction> activeSanctions(Instant at) {
        return sanctions.values().stream().filter(s -> s.activeAt(at)).toList();
    }

    @EventSourcingHandler
    void on(InfractionRecorded e) {
        remember(e.member());
        infractions.put(e.infractionId(), new Infraction(e.infractionId(), e.type(), e.occurredAt(), false));
    }

    @EventSourcingHandler
    void on(InfractionPardoned e) {
        infractions.computeIfPresent(e.infractionId(), (id, i) -> i.pardon());
    }

    @EventSourcingHandler
    void on(NoteAdded e) {
        remember(e.member());
        notes.add(e.noteId());
    }

    @EventSourcingHandler
    void on(SanctionDecided e) {
        remember(e.member());
        sanctions.put(e.sanctionId(), Sanction.decided(e.sanctionId(), e.sanction().kind(), e.expiresAt()));
        if (e.rule() != null) {
            consumed.computeIfAbsent(e.rule().rule(), r -> new HashSet<>()).addAll(e.rule().counted());
            e.rule().outranked().forEach(o -> consumed.computeIfAbsent(o.rule(), r -> new HashSet<>()).addAll(o.counted()));
        }
    }

    @EventSourcingHandler
    void on(SanctionApplied e) {
        sanctions.computeIfPresent(e.sanctionId(), (id, s) -> s.withStatus(Sanction.Status.APPLIED));
    }

    @EventSourcingHandler
    void on(SanctionFailed e) {
        sanctions.computeIfPresent(e.sanctionId(), (id, s) -> s.withStatus(Sanction.Status.FAILED));
    }

    @EventSourcingHandler
    void on(SanctionExpired e) {
        sanctions.computeIfPresent(e.sanctionId(), (id, s) -> s.withStatus(Sanction.Status.ENDED));
    }

    @EventSourcingHandler
    void on(SanctionLifted e) {
        sanctions.computeIfPresent(e.sanctionId(), (id, s) -> s.withStatus(Sanction.Status.ENDED));
    }

    private void remember(MemberKey key) {
        member = key;
        id = key.toString();
    }

    record Infraction(InfractionId id, InfractionType type, Instant occurredAt, boolean pardoned) {
        Infraction pardon() {
            return new Infraction(id, type, occurredAt, true);
        }
    }

    private record Sanction(SanctionId id, SanctionKind kind, Instant expiresAt, Status status) {
        enum Status { DECIDED, APPLIED, FAILED, ENDED }

        static Sanction decided(SanctionId id, SanctionKind kind, Instant expiresAt) {
            return new Sanction(id, kind, expiresAt, Status.DECIDED);
        }

        Sanction withStatus(Status next) {
            return new Sanction(id, kind, expiresAt, next);
        }

        boolean outcomeKnown() {
            return status != Status.DECIDED;
        }

        boolean failed() {
            return status == Status.FAILED;
        }

        boolean ended() {
            return status == Status.ENDED;
        }

        boolean activeAt(Instant at) {
            return kind.lasting() && !ended() && !failed() && (expiresAt == null || expiresAt.isAfter(at));
        }
    }
}
