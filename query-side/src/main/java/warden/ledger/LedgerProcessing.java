package warden.ledger;

/**
 * The processing group of the query side's read models (the ledger's and the interserver links'); replaying it
 * rebuilds them all. One processor reads the event stream once for all of them.
 */
public final class LedgerProcessing {
    public static final String GROUP = "ledger";

    private LedgerProcessing() {}
}
