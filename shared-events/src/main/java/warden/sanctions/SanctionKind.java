package warden.sanctions;

/** What a sanction does on Discord, in increasing severity (an unban is not a punishment: severity 0). */
public enum SanctionKind {
    UNBAN(0),
    WARN(1),
    TIMEOUT(2),
    KICK(3),
    BAN(4);

    private final int severity;

    SanctionKind(int severity) {
        this.severity = severity;
    }

    public int severity() {
        return severity;
    }

    /** Whether the sanction lasts (and can therefore expire or be lifted). */
    public boolean lasting() {
        return this == TIMEOUT || this == BAN;
    }
}
