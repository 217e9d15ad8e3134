package warden.sanctions;

/** What was done to a member on Discord without Warden deciding it. */
public enum DiscordAct {
    BAN(SanctionKind.BAN),
    UNBAN(SanctionKind.UNBAN),
    KICK(SanctionKind.KICK),
    TIMEOUT(SanctionKind.TIMEOUT),
    /** A timeout ended early by hand. */
    TIMEOUT_REMOVED(null);

    private final SanctionKind kind;

    DiscordAct(SanctionKind kind) {
        this.kind = kind;
    }

    /** The sanction it is, or null for a removal. */
    public SanctionKind kind() {
        return kind;
    }
}
