package warden.sanctions;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.serialization.Revision;
import org.axonframework.spring.stereotype.Aggregate;
import warden.common.Actor;
import warden.common.CommandRefusedException;
import warden.common.MemberKey;

/**
 * One guild member's record: infractions, pardons, notes and sanctions. It decides automatic sanctions from the
 * rules attached to the command ({@link RuleDecider}), counting infractions by their business time only, so a replay
 * decides the same.
 * <p>
 * One consistency boundary for all of them, on purpose: a rule's decision reads the infractions and the sanctions (a
 * banned member gets no lighter one), a warning is a sanction and an infraction, an unban lifts the bans, evidence
 * attaches to either. Its state holds only what a decision can still use ({@link InfractionLog} keeps the
 * infractions a rule window can reach, and only the ids of older ones). Everything stays in the event store; the
 * record is snapshotted every {@value SNAPSHOT_EVERY} events, so loading a member with a long history reads one
 * snapshot and a few events.
 */
@Aggregate(cache = "memberRecordCache", snapshotTriggerDefinition = "memberRecordSnapshots")
@Revision("7") // a snapshot of another revision is ignored and the record rebuilt from its events
@JsonAutoDetect(
        fieldVisibility = JsonAutoDetect.Visibility.ANY,
        getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public class MemberRecord {

    static final String EXPIRY_DEADLINE_PREFIX = "sanction-expiry:";
    static final int SNAPSHOT_EVERY = 200;
    static final Duration RETRY_WINDOW = Duration.ofSeconds(60);
    static final int EVIDENCE_IMAGES = 3;

    /** {@code guild:user}; a String, because deadlines store the identifier and must read it back as it was. */
    @AggregateIdentifier
    private String id;

    private MemberKey member;
    private final InfractionLog infractions = new InfractionLog();
    private final Map<String, Sanction> sanctions = new HashMap<>();
    private final Set<String> notes = new HashSet<>();
    /** Evidence images by {@code TARGET:id}: their SHA-256, at most {@link #EVIDENCE_IMAGES} each. */
    private final Map<String, List<String>> images = new HashMap<>();
    /** Moderators' latest sanctions, by retry key: a same one within the retry window is a retried command. */
    private final Map<String, RecentManual> recentManual = new HashMap<>();

    protected MemberRecord() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(RecordInfraction cmd, DeadlineManager deadlines) {
        if (infractions.known(cmd.infractionId())) return;
        apply(new InfractionRecorded(
                cmd.member(),
                cmd.infractionId(),
                cmd.type(),
                cmd.by(),
                cmd.reason(),
                cmd.evidence(),
                cmd.occurredAt()));
        enforceRules(cmd.member(), cmd.rules(), cmd.infractionId(), cmd.occurredAt(), deadlines);
    }

    /**
     * Answers with the sanction's id: the new one, or the earlier one when this is a retry (the same id again, or a
     * moderator's identical sanction within {@link #RETRY_WINDOW}: Discord showed "the application did not respond"
     * and the moderator ran the command again).
     */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    SanctionId handle(ImposeSanction cmd, DeadlineManager deadlines) {
        if (sanctions.containsKey(cmd.sanctionId().value())) return cmd.sanctionId();
        String retryKey =
                cmd.by().kind() == Actor.Kind.MODERATOR ? retryKey(cmd.by(), cmd.sanction(), cmd.reason()) : null;
        RecentManual recent = retryKey == null ? null : recentManual.get(retryKey);
        if (recent != null
                && !cmd.occurredAt().isAfter(recent.at().plus(RETRY_WINDOW))
                && !cmd.occurredAt().isBefore(recent.at())) {
            return SanctionId.of(recent.sanctionId());
        }
        SanctionSpec spec = cmd.sanction();
        decide(cmd.member(), cmd.sanctionId(), spec, cmd.by(), cmd.reason(), null, cmd.occurredAt(), deadlines);
        if (spec.kind() == SanctionKind.UNBAN) {
            activeSanctions(cmd.occurredAt()).entrySet().stream()
                    .filter(s -> s.getValue().kind() == SanctionKind.BAN)
                    .forEach(ban -> {
                        cancelExpiry(ban.getKey(), deadlines);
                        apply(new SanctionLifted(
                                member,
                                SanctionId.of(ban.getKey()),
                                SanctionKind.BAN,
                                cmd.by(),
                                cmd.reason(),
                                LiftCause.UNBANNED,
                                cmd.occurredAt()));
                    });
        }
        if (spec.kind() == SanctionKind.WARN) {
            InfractionId warning = InfractionId.of("warn:" + cmd.sanctionId());
            apply(new InfractionRecorded(
                    cmd.member(),
                    warning,
                    InfractionType.WARNING,
                    cmd.by(),
                    cmd.reason(),
                    Evidence.none(),
                    cmd.occurredAt()));
            enforceRules(cmd.member(), cmd.rules(), warning, cmd.occurredAt(), deadlines);
        }
        return cmd.sanctionId();
    }

    /**
     * What was done on Discord without Warden: recorded as the member's sanction, already in force (nothing is carried
     * out), ending like any other; an unban ends their bans, a timeout removed by hand their timeouts. When the server
     * says so it counts toward the rules as an infraction.
     */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(RecordDiscordAct cmd, DeadlineManager deadlines) {
        String id = "discord:" + cmd.actId();
        if (sanctions.containsKey(id) || infractions.known(InfractionId.of(id))) return; // a redelivery
        Instant at = cmd.occurredAt();
        if (cmd.act() == DiscordAct.TIMEOUT_REMOVED) {
            liftAll(SanctionKind.TIMEOUT, cmd.by(), cmd.reason(), LiftCause.ON_DISCORD, at, deadlines);
            return;
        }
        SanctionKind kind = cmd.act().kind();
        java.time.Duration duration =
                cmd.act() == DiscordAct.TIMEOUT ? java.time.Duration.between(at, cmd.until()) : null;
        Instant expiresAt = cmd.act() == DiscordAct.TIMEOUT ? cmd.until() : null;
        apply(new DiscordActRecorded(
                cmd.member(),
                SanctionId.of(id),
                new SanctionSpec(kind, duration),
                cmd.by(),
                cmd.reason(),
                at,
                expiresAt));
        if (expiresAt != null)
            deadlines.schedule(expiresAt, EXPIRY_DEADLINE_PREFIX + id, new SanctionExpiryDue(SanctionId.of(id)));
        if (kind == SanctionKind.UNBAN) {
            liftAll(SanctionKind.BAN, cmd.by(), cmd.reason(), LiftCause.UNBANNED, at, deadlines);
        } else if (cmd.counts()) {
            apply(new InfractionRecorded(
                    cmd.member(),
                    InfractionId.of(id),
                    InfractionType.MANUAL,
                    cmd.by(),
                    cmd.reason(),
                    Evidence.none(),
                    at));
            enforceRules(cmd.member(), cmd.rules(), InfractionId.of(id), at, deadlines);
        }
    }

    /** Ends every sanction of {@code kind} in force: what ended them on Discord was not Warden. */
    private void liftAll(
            SanctionKind kind, Actor by, String reason, LiftCause cause, Instant at, DeadlineManager deadlines) {
        activeSanctions(at).entrySet().stream()
                .filter(s -> s.getValue().kind() == kind)
                .sorted(Map.Entry.comparingByKey())
                .forEach(s -> {
                    cancelExpiry(s.getKey(), deadlines);
                    apply(new SanctionLifted(member, SanctionId.of(s.getKey()), kind, by, reason, cause, at));
                });
    }

    /** What makes two moderators' sanctions the same one when they come within the retry window. */
    private static String retryKey(Actor by, SanctionSpec spec, String reason) {
        return by.id() + "|" + spec.kind() + "|" + spec.duration() + "|" + reason;
    }

    @CommandHandler
    void handle(PardonInfraction cmd) {
        Boolean pardoned = infractions.pardoned(cmd.infractionId());
        if (pardoned == null) throw new CommandRefusedException("error.infraction.unknown", cmd.infractionId());
        if (pardoned) throw new CommandRefusedException("error.infraction.alreadyPardoned", cmd.infractionId());
        apply(new InfractionPardoned(member, cmd.infractionId(), cmd.by(), cmd.reason(), cmd.occurredAt()));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(AddNote cmd) {
        if (notes.contains(cmd.noteId().value())) return;
        apply(new NoteAdded(cmd.member(), cmd.noteId(), cmd.by(), cmd.text(), cmd.occurredAt()));
    }

    @CommandHandler
    void handle(LiftSanction cmd, DeadlineManager deadlines) {
        Sanction sanction = sanction(cmd.sanctionId());
        if (!sanction.kind().lasting())
            throw new CommandRefusedException("error.sanction.notLasting", cmd.sanctionId(), sanction.kind());
        if (!sanction.activeAt(cmd.occurredAt()))
            throw new CommandRefusedException("error.sanction.notActive", cmd.sanctionId());
        cancelExpiry(cmd.sanctionId().value(), deadlines);
        apply(new SanctionLifted(
                member,
                cmd.sanctionId(),
                sanction.kind(),
                cmd.by(),
                cmd.reason(),
                LiftCause.LIFTED,
                cmd.occurredAt(),
                heldBy(cmd.sanctionId().value(), sanction.kind(), cmd.occurredAt())));
    }

    @CommandHandler
    void handle(ConfirmSanctionApplied cmd) {
        Sanction sanction = sanction(cmd.sanctionId());
        if (sanction.outcomeKnown()) return;
        apply(new SanctionApplied(member, cmd.sanctionId(), sanction.kind(), cmd.occurredAt()));
    }

    @CommandHandler
    void handle(ReportSanctionFailed cmd) {
        Sanction sanction = sanction(cmd.sanctionId());
        if (sanction.outcomeKnown()) return;
        apply(new SanctionFailed(member, cmd.sanctionId(), sanction.kind(), cmd.reason(), cmd.occurredAt()));
    }

    @CommandHandler
    void handle(EditSanctionText cmd) {
        Sanction sanction = sanction(cmd.sanctionId());
        if (sanction.removed()) throw new CommandRefusedException("error.sanction.removed", cmd.sanctionId());
        String before = cmd.field() == SanctionText.REASON ? sanction.reason() : sanction.context();
        if (java.util.Objects.equals(before, cmd.text())) return;
        apply(new SanctionTextEdited(
                member,
                cmd.sanctionId(),
                sanction.kind(),
                cmd.field(),
                before,
                cmd.text(),
                cmd.by(),
                cmd.occurredAt()));
    }

    /** A new end for an active timeout or ban, within the bounds a new one would have; its deadline follows. */
    @CommandHandler
    void handle(RetimeSanction cmd, DeadlineManager deadlines) {
        Sanction sanction = sanction(cmd.sanctionId());
        if (sanction.removed()) throw new CommandRefusedException("error.sanction.removed", cmd.sanctionId());
        if (!sanction.kind().lasting())
            throw new CommandRefusedException("error.sanction.notRetimable", cmd.sanctionId(), sanction.kind());
        if (!sanction.activeAt(cmd.occurredAt()))
            throw new CommandRefusedException("error.sanction.notActive", cmd.sanctionId());
        Instant end = cmd.newEnd();
        Duration left = Duration.between(cmd.occurredAt(), end);
        Duration min =
                sanction.kind() == SanctionKind.TIMEOUT ? SanctionLimits.MIN_TIMEOUT : SanctionLimits.MIN_TEMPORARY_BAN;
        Duration max =
                sanction.kind() == SanctionKind.TIMEOUT ? SanctionLimits.MAX_TIMEOUT : SanctionLimits.MAX_TEMPORARY_BAN;
        if (left.compareTo(min) < 0 || left.compareTo(max) > 0) {
            throw warden.common.InvalidValueException.forField(
                    "duration",
                    "error.sanction.duration.range",
                    warden.common.Durations.format(min),
                    warden.common.Durations.format(max),
                    left.isNegative() ? "-" : warden.common.Durations.format(left.withNanos(0)));
        }
        cancelExpiry(cmd.sanctionId().value(), deadlines);
        apply(new SanctionRetimed(
                member,
                cmd.sanctionId(),
                sanction.kind(),
                sanction.expiresAt(),
                end,
                cmd.by(),
                cmd.reason(),
                cmd.occurredAt()));
        deadlines.schedule(end, EXPIRY_DEADLINE_PREFIX + cmd.sanctionId(), new SanctionExpiryDue(cmd.sanctionId()));
    }

    @CommandHandler
    void handle(RemoveSanction cmd, DeadlineManager deadlines) {
        Sanction sanction = sanction(cmd.sanctionId());
        if (sanction.removed()) throw new CommandRefusedException("error.sanction.removed", cmd.sanctionId());
        remove(cmd.sanctionId().value(), sanction, cmd.by(), cmd.reason(), null, cmd.occurredAt(), deadlines);
    }

    /** Every sanction of the member not removed yet, in one action; a member without any is refused. */
    @CommandHandler
    void handle(ResetMemberSanctions cmd, DeadlineManager deadlines) {
        List<Map.Entry<String, Sanction>> left = sanctions.entrySet().stream()
                .filter(e -> !e.getValue().removed())
                .filter(e -> cmd.decidedUpTo() == null
                        || e.getValue().decidedAt() == null
                        || !e.getValue().decidedAt().isAfter(cmd.decidedUpTo()))
                .sorted(Map.Entry.comparingByKey())
                .toList();
        if (left.isEmpty()) {
            if (cmd.decidedUpTo() != null) return; // a server's reset run again, or a member it left untouched
            throw new CommandRefusedException("error.sanction.noneToReset");
        }
        for (Map.Entry<String, Sanction> entry : left) {
            remove(
                    entry.getKey(),
                    entry.getValue(),
                    cmd.by(),
                    cmd.reason(),
                    cmd.resetId(),
                    cmd.occurredAt(),
                    deadlines);
        }
    }

    private void remove(
            String id,
            Sanction sanction,
            Actor by,
            String reason,
            String resetId,
            Instant at,
            DeadlineManager deadlines) {
        boolean active = sanction.activeAt(at);
        if (active) cancelExpiry(id, deadlines);
        apply(new SanctionRemoved(
                member,
                SanctionId.of(id),
                sanction.kind(),
                active,
                by,
                reason,
                resetId,
                at,
                heldBy(id, sanction.kind(), at)));
    }

    @CommandHandler
    void handle(AttachEvidenceImage cmd) {
        exists(cmd.target(), cmd.targetId());
        List<String> held = images.getOrDefault(cmd.target() + ":" + cmd.targetId(), List.of());
        if (held.contains(cmd.image().sha256())) return;
        if (held.size() >= EVIDENCE_IMAGES)
            throw new CommandRefusedException("error.evidence.tooMany", EVIDENCE_IMAGES);
        apply(new EvidenceImageAttached(member, cmd.target(), cmd.targetId(), cmd.image(), cmd.by(), cmd.occurredAt()));
    }

    @CommandHandler
    void handle(DetachEvidenceImage cmd) {
        exists(cmd.target(), cmd.targetId());
        if (!images.getOrDefault(cmd.target() + ":" + cmd.targetId(), List.of()).contains(cmd.sha256())) {
            throw new CommandRefusedException("error.evidence.unknown", cmd.sha256());
        }
        apply(new EvidenceImageDetached(
                member, cmd.target(), cmd.targetId(), cmd.sha256(), cmd.by(), cmd.occurredAt()));
    }

    private void exists(EvidenceTarget target, String id) {
        if (target == EvidenceTarget.SANCTION) {
            Sanction sanction = sanction(SanctionId.of(id));
            if (sanction.removed()) throw new CommandRefusedException("error.sanction.removed", id);
        } else if (!infractions.known(InfractionId.of(id))) {
            throw new CommandRefusedException("error.infraction.unknown", id);
        }
    }

    @DeadlineHandler
    void on(SanctionExpiryDue due) {
        Sanction sanction = sanctions.get(due.sanctionId().value());
        // A lifted or failed sanction has nothing left to end, even if cancelling its deadline lost a race.
        if (sanction == null || sanction.ended() || sanction.failed() || sanction.removed()) return;
        apply(new SanctionExpired(
                member,
                due.sanctionId(),
                sanction.kind(),
                sanction.expiresAt(),
                heldBy(due.sanctionId().value(), sanction.kind(), sanction.expiresAt())));
    }

    /** The rules' decision on an infraction ({@link RuleDecider}: the backtest's simulation takes the same one). */
    private void enforceRules(
            MemberKey target, SanctionRules rules, InfractionId trigger, Instant at, DeadlineManager deadlines) {
        if (rules == null) return;
        InfractionLog.Infraction triggering = infractions.recent(trigger);
        if (triggering == null) return; // older than the horizon: no window can reach it any more
        RuleDecider.decide(rules, triggering.type(), at, infractions.history(), banned(at))
                .ifPresent(decision -> {
                    SanctionRule rule = rules.rules().stream()
                            .filter(r -> r.id().equals(decision.rule()))
                            .findFirst()
                            .orElseThrow();
                    SanctionId sanctionId = SanctionId.of("rule:" + rule.id() + ":" + trigger);
                    decide(
                            target,
                            sanctionId,
                            rule.sanction(),
                            Actor.rule(rule.id().value()),
                            null,
                            decision,
                            at,
                            deadlines);
                });
    }

    private void decide(
            MemberKey target,
            SanctionId id,
            SanctionSpec spec,
            Actor by,
            String reason,
            RuleDecision rule,
            Instant at,
            DeadlineManager deadlines) {
        Instant expiresAt = spec.expiresAt(at);
        apply(new SanctionDecided(target, id, spec, by, reason, rule, at, expiresAt));
        if (expiresAt != null) {
            deadlines.schedule(expiresAt, EXPIRY_DEADLINE_PREFIX + id, new SanctionExpiryDue(id));
        }
    }

    private void cancelExpiry(String sanctionId, DeadlineManager deadlines) {
        deadlines.cancelAllWithinScope(EXPIRY_DEADLINE_PREFIX + sanctionId);
    }

    private Sanction sanction(SanctionId id) {
        return Optional.ofNullable(sanctions.get(id.value()))
                .orElseThrow(() -> new CommandRefusedException("error.sanction.unknown", id));
    }

    /**
     * Another sanction of the same kind in force at {@code at} when {@code ending} ends, the one that lasts longest
     * (a ban without end first): Discord's ban or timeout is then not only the ending sanction's, and stays.
     */
    private HeldBy heldBy(String ending, SanctionKind kind, Instant at) {
        return sanctions.entrySet().stream()
                .filter(s -> !s.getKey().equals(ending)
                        && s.getValue().kind() == kind
                        && s.getValue().activeAt(at))
                .max(java.util.Comparator.comparing(
                        (Map.Entry<String, Sanction> s) -> s.getValue().expiresAt(),
                        java.util.Comparator.nullsLast(java.util.Comparator.<Instant>naturalOrder())))
                .map(s -> new HeldBy(SanctionId.of(s.getKey()), s.getValue().expiresAt()))
                .orElse(null);
    }

    private boolean banned(Instant at) {
        return sanctions.values().stream().anyMatch(s -> s.kind() == SanctionKind.BAN && s.activeAt(at));
    }

    private Map<String, Sanction> activeSanctions(Instant at) {
        Map<String, Sanction> active = new HashMap<>();
        sanctions.forEach((id, s) -> {
            if (s.activeAt(at)) active.put(id, s);
        });
        return active;
    }

    @EventSourcingHandler
    void on(InfractionRecorded e) {
        remember(e.member());
        infractions.recorded(e);
    }

    @EventSourcingHandler
    void on(InfractionPardoned e) {
        infractions.pardoned(e);
    }

    @EventSourcingHandler
    void on(NoteAdded e) {
        remember(e.member());
        notes.add(e.noteId().value());
    }

    @EventSourcingHandler
    void on(SanctionDecided e) {
        remember(e.member());
        sanctions.put(
                e.sanctionId().value(),
                Sanction.decided(e.sanction().kind(), e.expiresAt(), e.reason(), e.occurredAt()));
        if (e.rule() == null && e.decidedBy().kind() == Actor.Kind.MODERATOR) {
            recentManual.values().removeIf(r -> r.at().isBefore(e.occurredAt().minus(RETRY_WINDOW)));
            recentManual.put(
                    retryKey(e.decidedBy(), e.sanction(), e.reason()),
                    new RecentManual(e.sanctionId().value(), e.occurredAt()));
        }
        if (e.rule() != null) infractions.consumed(e.rule());
    }

    @EventSourcingHandler
    void on(DiscordActRecorded e) {
        remember(e.member());
        sanctions.put(
                e.sanctionId().value(),
                Sanction.decided(e.sanction().kind(), e.expiresAt(), e.reason(), e.occurredAt())
                        .withStatus(Sanction.Status.APPLIED));
    }

    @EventSourcingHandler
    void on(SanctionApplied e) {
        sanctions.computeIfPresent(e.sanctionId().value(), (id, s) -> s.withStatus(Sanction.Status.APPLIED));
    }

    @EventSourcingHandler
    void on(SanctionFailed e) {
        sanctions.computeIfPresent(e.sanctionId().value(), (id, s) -> s.withStatus(Sanction.Status.FAILED));
    }

    @EventSourcingHandler
    void on(SanctionExpired e) {
        sanctions.computeIfPresent(e.sanctionId().value(), (id, s) -> s.withStatus(Sanction.Status.ENDED));
    }

    @EventSourcingHandler
    void on(SanctionLifted e) {
        sanctions.computeIfPresent(e.sanctionId().value(), (id, s) -> s.withStatus(Sanction.Status.ENDED));
    }

    @EventSourcingHandler
    void on(SanctionTextEdited e) {
        sanctions.computeIfPresent(e.sanctionId().value(), (id, s) -> s.withText(e.field(), e.after()));
    }

    @EventSourcingHandler
    void on(SanctionRetimed e) {
        sanctions.computeIfPresent(e.sanctionId().value(), (id, s) -> s.withEnd(e.newEnd()));
    }

    @EventSourcingHandler
    void on(EvidenceImageAttached e) {
        images.computeIfAbsent(e.target() + ":" + e.targetId(), k -> new ArrayList<>())
                .add(e.image().sha256());
    }

    @EventSourcingHandler
    void on(EvidenceImageDetached e) {
        List<String> held = images.get(e.target() + ":" + e.targetId());
        if (held != null) held.remove(e.sha256());
    }

    @EventSourcingHandler
    void on(SanctionRemoved e) {
        sanctions.computeIfPresent(e.sanctionId().value(), (id, s) -> s.asRemoved());
    }

    private void remember(MemberKey key) {
        member = key;
        id = key.toString();
    }

    record RecentManual(String sanctionId, Instant at) {}

    record Sanction(
            SanctionKind kind,
            Instant expiresAt,
            Status status,
            String reason,
            String context,
            boolean removed,
            Instant decidedAt) {
        enum Status {
            DECIDED,
            APPLIED,
            FAILED,
            ENDED
        }

        static Sanction decided(SanctionKind kind, Instant expiresAt, String reason, Instant decidedAt) {
            return new Sanction(kind, expiresAt, Status.DECIDED, reason, null, false, decidedAt);
        }

        Sanction withStatus(Status next) {
            return new Sanction(kind, expiresAt, next, reason, context, removed, decidedAt);
        }

        Sanction withText(SanctionText field, String text) {
            return field == SanctionText.REASON
                    ? new Sanction(kind, expiresAt, status, text, context, removed, decidedAt)
                    : new Sanction(kind, expiresAt, status, reason, text, removed, decidedAt);
        }

        Sanction withEnd(Instant end) {
            return new Sanction(kind, end, status, reason, context, removed, decidedAt);
        }

        Sanction asRemoved() {
            return new Sanction(kind, expiresAt, status, reason, context, true, decidedAt);
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
            return kind.lasting() && !removed && !ended() && !failed() && (expiresAt == null || expiresAt.isAfter(at));
        }
    }
}
