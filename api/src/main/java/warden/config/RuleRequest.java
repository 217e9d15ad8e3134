package warden.config;

import java.util.Locale;
import warden.common.Durations;
import warden.common.InvalidValueException;
import warden.sanctions.InfractionType;
import warden.sanctions.RuleId;
import warden.sanctions.SanctionKind;
import warden.sanctions.SanctionRule;
import warden.sanctions.SanctionSpec;

/**
 * A sanction rule as an admin writes it: {@code {"infractionType":"vocabulary","threshold":3,"window":"10m",
 * "sanction":"timeout","duration":"1h"}}. {@code infractionType} "any" counts every type.
 */
public record RuleRequest(
        String id,
        String infractionType,
        Integer threshold,
        String window,
        SanctionKind sanction,
        String duration,
        Boolean enabled) {

    public SanctionRule toRule(RuleId ruleId) {
        if (threshold == null) throw InvalidValueException.forField("threshold", "error.param.missing", "threshold");
        if (window == null) throw InvalidValueException.forField("window", "error.param.missing", "window");
        if (sanction == null) throw InvalidValueException.forField("sanction", "error.sanction.kind.missing");
        SanctionSpec spec = new SanctionSpec(sanction, duration == null ? null : Durations.parse(duration));
        return new SanctionRule(
                ruleId, countedType(), threshold, Durations.parse(window), spec, enabled == null || enabled);
    }

    private InfractionType countedType() {
        if (infractionType == null || infractionType.equalsIgnoreCase("any")) return null;
        try {
            return InfractionType.valueOf(infractionType.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw InvalidValueException.forField("infractionType", "error.rule.type", infractionType);
        }
    }
}
