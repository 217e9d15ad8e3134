package warden.federation;

/**
 * How a subscribing server applies the shared list: {@code AUTOMATIC} bans at once; {@code ALERT} tells its moderators
 * (when the user is or becomes a member) with buttons to ban or ignore; {@code APPROVE} asks them to approve each entry,
 * which is then applied like an automatic one.
 */
public enum EnforcementMode {
    AUTOMATIC,
    ALERT,
    APPROVE
}
