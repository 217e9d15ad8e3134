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
    NO_ENTRY_LEFT,
    /** The federation's ban was taken back, but a ban of the server's own still holds the member: not unbanned. */
    KEPT_BY_SERVER
}
