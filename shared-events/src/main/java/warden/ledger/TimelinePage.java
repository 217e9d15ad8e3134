package warden.ledger;

import java.util.List;

/** @param nextCursor null on the last page */
public record TimelinePage(List<HistoryEntry> entries, String nextCursor) {}
