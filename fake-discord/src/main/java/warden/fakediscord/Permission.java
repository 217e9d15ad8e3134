package warden.fakediscord;

/** Discord permission bits the tests use. */
public final class Permission {
    public static final long KICK_MEMBERS = 1L << 1;
    public static final long BAN_MEMBERS = 1L << 2;
    public static final long ADMINISTRATOR = 1L << 3;
    public static final long MANAGE_CHANNELS = 1L << 4;
    public static final long MANAGE_GUILD = 1L << 5;
    public static final long ADD_REACTIONS = 1L << 6;
    public static final long VIEW_AUDIT_LOG = 1L << 7;
    public static final long VIEW_CHANNEL = 1L << 10;
    public static final long SEND_MESSAGES = 1L << 11;
    public static final long MANAGE_MESSAGES = 1L << 13;
    public static final long EMBED_LINKS = 1L << 14;
    public static final long READ_MESSAGE_HISTORY = 1L << 16;
    public static final long MENTION_EVERYONE = 1L << 17;
    public static final long MANAGE_ROLES = 1L << 28;
    public static final long MANAGE_WEBHOOKS = 1L << 29;
    public static final long MODERATE_MEMBERS = 1L << 40;
    /** What @everyone can do on a fresh server. */
    public static final long EVERYONE =
            VIEW_CHANNEL | SEND_MESSAGES | READ_MESSAGE_HISTORY | ADD_REACTIONS | EMBED_LINKS;
    /** What Warden's bot role is given in tests: enough to moderate. */
    public static final long MODERATION_BOT = EVERYONE
            | KICK_MEMBERS
            | BAN_MEMBERS
            | MANAGE_CHANNELS
            | MANAGE_GUILD
            | MANAGE_MESSAGES
            | MANAGE_ROLES
            | MANAGE_WEBHOOKS
            | MODERATE_MEMBERS
            | VIEW_AUDIT_LOG;

    private Permission() {}
}
