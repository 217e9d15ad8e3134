package warden.ledger;

import java.util.List;

public record HistoryPage(List<HistoryEntry> entries, int page, int size, long total) {}
