package warden.sanctions;

/** The texts of a sanction a moderator may edit afterwards. */
public enum SanctionText {
    /** Why, as the member and the audit log see it. */
    REASON,
    /** What moderators keep beside it: links, context, the discussion that led to it. */
    CONTEXT
}
