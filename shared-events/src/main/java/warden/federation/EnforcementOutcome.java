package warden.federation;

/** What became of an entry in one server. */
public enum EnforcementOutcome {
    APPLIED,
    SKIPPED_OVERRIDE,
    SKIPPED_NEVER_BAN,
    ALERTED,
    AWAITING_APPROVAL,
    FAILED,
    REVERTED,
    NO_ENTRY_LEFT
}
