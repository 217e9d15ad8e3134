package warden.ledger;

/** The processing group of the ledger's read models; replaying it rebuilds them all. */
public final class LedgerProcessing {
    public static final String GROUP = "ledger";

    private LedgerProcessing() {
    }
}
