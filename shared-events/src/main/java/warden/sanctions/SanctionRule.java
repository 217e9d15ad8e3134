package warden.sanctions;

import java.time.Duration;
import warden.common.InvalidValueException;

/**
 * "{@code threshold} infractions of {@code countedType} within {@code window} -> {@code sanction}".
 *
 * @param countedType the infraction type counted, or {@code null} for any type
 */
public record SanctionRule(
        RuleId id, InfractionType countedType, int threshold, Duration window, SanctionSpec sanction, boolean enabled) {

    /**
     * Refuses a rule beyond today's limits, naming the field. Called when a command is made, never when a rule is
     * read back from an event: lowering a limit later must leave history loadable.
     */
    public SanctionRule validate() {
        if (id == null) throw new InvalidValueException("error.id.missing", "rule");
        if (threshold < RuleLimits.MIN_THRESHOLD || threshold > RuleLimits.MAX_THRESHOLD) {
            throw InvalidValueException.forField(
                    "threshold", "error.rule.threshold", RuleLimits.MIN_THRESHOLD, RuleLimits.MAX_THRESHOLD, threshold);
        }
        if (window == null
                || window.compareTo(RuleLimits.MIN_WINDOW) < 0
                || window.compareTo(RuleLimits.MAX_WINDOW) > 0) {
            throw InvalidValueException.forField(
                    "window",
                    "error.rule.window",
                    RuleLimits.MIN_WINDOW.toString(),
                    RuleLimits.MAX_WINDOW.toString(),
                    String.valueOf(window));
        }
        if (sanction == null) throw InvalidValueException.forField("sanction", "error.sanction.kind.missing");
        if (sanction.kind() == SanctionKind.UNBAN) throw InvalidValueException.forField("sanction", "error.rule.unban");
        sanction.validate();
        return this;
    }

    public boolean counts(InfractionType type) {
        return countedType == null || countedType == type;
    }

    public SanctionRule withEnabled(boolean value) {
        return new SanctionRule(id, countedType, threshold, window, sanction, value);
    }
}
