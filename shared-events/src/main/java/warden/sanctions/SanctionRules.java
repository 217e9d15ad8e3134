package warden.sanctions;

import java.util.List;

/**
 * The guild's sanction rules at a given policy version, attached to the commands that may trigger them, so that
 * {@code MemberRecord} decides from the command alone (no I/O in the aggregate) and the event records the version.
 */
public record SanctionRules(long policyVersion, List<SanctionRule> rules) {

    public static final SanctionRules NONE = new SanctionRules(0, List.of());

    public SanctionRules {
        rules = rules == null ? List.of() : List.copyOf(rules);
    }

    public List<SanctionRule> enabled() {
        return rules.stream().filter(SanctionRule::enabled).toList();
    }
}
