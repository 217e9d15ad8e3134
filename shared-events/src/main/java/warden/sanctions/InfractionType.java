package warden.sanctions;

/** What an infraction is about: one per automod module, plus the moderators' own. */
public enum InfractionType {
    VOCABULARY,
    INVITE,
    LINK,
    CAPS,
    EMOJI,
    PING,
    MENTIONS,
    SPAM,
    MARKDOWN,
    /** A warning given by a moderator; it counts towards sanction rules like an automatic infraction. */
    WARNING,
    /** An infraction a moderator records by hand. */
    MANUAL
}
