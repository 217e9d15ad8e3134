package warden.sanctions;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonFormat;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Set;
import java.util.TreeSet;

/**
 * A member's infractions as {@link MemberRecord} decides with them: the details of those within {@link #HORIZON}
 * of the newest one (what a rule window can reach), ordered by time, and only the ids of older ones (to ignore a
 * redelivery and to pardon them). Part of the member record's state and of its snapshots; changed only by the
 * record's event-sourcing handlers.
 */
@JsonAutoDetect(
        fieldVisibility = JsonAutoDetect.Visibility.ANY,
        getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
final class InfractionLog {

    /**
     * The longest rule window and a day: an infraction that arrives up to a day late still meets every infraction
     * a rule could count with it. Raising {@link RuleLimits#MAX_WINDOW} needs a new revision of {@link MemberRecord}.
     */
    static final Duration HORIZON = RuleLimits.MAX_WINDOW.plusDays(1);

    /** Infractions within the horizon, by id. */
    private final Map<String, Infraction> recent = new HashMap<>();
    /** Older infractions, known by id only: still pardonable, and already pardoned. */
    private final Set<String> archived = new HashSet<>();

    private final Set<String> archivedPardoned = new HashSet<>();
    /** The newest infraction time seen: the horizon is counted back from it (event time, never the clock). */
    private Instant newest;
    /** {@link #recent} ordered by time, rebuilt after a snapshot is loaded. */
    private transient NavigableSet<Infraction> byTime;

    boolean known(InfractionId infraction) {
        String id = infraction.value();
        return recent.containsKey(id) || archived.contains(id) || archivedPardoned.contains(id);
    }

    /** Known and not pardoned yet, or null when unknown. */
    Boolean pardoned(InfractionId infraction) {
        String id = infraction.value();
        Infraction current = recent.get(id);
        if (current != null) return current.pardoned();
        if (archivedPardoned.contains(id)) return true;
        return archived.contains(id) ? false : null;
    }

    /** An infraction within the horizon, or null (unknown, or older: no window can reach it any more). */
    Infraction recent(InfractionId infraction) {
        return recent.get(infraction.value());
    }

    /** The history the rules read ({@link RuleDecider.History}): infractions within {@code [from, to]}, by time. */
    RuleDecider.History history() {
        return (from, to) ->
                byTime().subSet(Infraction.boundary(from), true, Infraction.boundary(to.plusNanos(1)), false);
    }

    void recorded(InfractionRecorded e) {
        put(new Infraction(e.infractionId().value(), e.type(), e.occurredAt(), false, Set.of()));
        if (newest == null || e.occurredAt().isAfter(newest)) newest = e.occurredAt();
        forgetBeyondHorizon();
    }

    void pardoned(InfractionPardoned e) {
        String infraction = e.infractionId().value();
        Infraction current = recent.get(infraction);
        if (current != null) put(current.pardon());
        else if (archived.remove(infraction)) archivedPardoned.add(infraction);
    }

    /** A rule counted these: it does not count them again. */
    void consumed(RuleDecision decision) {
        RuleDecider.consumed(decision, (rule, id) -> {
            Infraction infraction = recent.get(id.value());
            if (infraction != null) put(infraction.consumedBy(rule.value()));
        });
    }

    /** Moves infractions older than the horizon (counted from the newest one) to the archive of ids. */
    private void forgetBeyondHorizon() {
        Instant cutoff = newest.minus(HORIZON);
        Iterator<Infraction> oldest = byTime().iterator();
        while (oldest.hasNext()) {
            Infraction i = oldest.next();
            if (!i.occurredAt().isBefore(cutoff)) break;
            oldest.remove();
            recent.remove(i.id());
            (i.pardoned() ? archivedPardoned : archived).add(i.id());
        }
    }

    private NavigableSet<Infraction> byTime() {
        if (byTime == null) {
            byTime = new TreeSet<>(Infraction.BY_TIME);
            byTime.addAll(recent.values());
        }
        return byTime;
    }

    private void put(Infraction infraction) {
        Infraction previous = recent.put(infraction.id(), infraction);
        if (previous != null) byTime().remove(previous);
        byTime().add(infraction);
    }

    /**
     * What a rule needs of an infraction; {@code consumedBy} names the rules that already counted it. Written as a
     * JSON array in snapshots: a member with a long history has many of them.
     */
    @JsonFormat(shape = JsonFormat.Shape.ARRAY)
    record Infraction(String id, InfractionType type, Instant occurredAt, boolean pardoned, Set<String> consumedBy)
            implements RuleDecider.Counted {
        static final Comparator<Infraction> BY_TIME =
                Comparator.comparing(Infraction::occurredAt).thenComparing(Infraction::id);

        /** A search key that sorts before every infraction at {@code at}. */
        static Infraction boundary(Instant at) {
            return new Infraction("", null, at, false, Set.of());
        }

        Infraction pardon() {
            return new Infraction(id, type, occurredAt, true, consumedBy);
        }

        Infraction consumedBy(String rule) {
            Set<String> rules = new HashSet<>(consumedBy);
            rules.add(rule);
            return new Infraction(id, type, occurredAt, pardoned, Set.copyOf(rules));
        }
    }
}
