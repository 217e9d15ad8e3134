package warden.backup;

import java.time.Instant;
import java.util.List;

/** A restore as the read model holds it, each step with its outcome (null while pending). */
public record RestoreStatus(
        String restoreId,
        String backupId,
        boolean running,
        int total,
        int done,
        int failed,
        int skipped,
        Instant startedAt,
        Instant finishedAt,
        List<Step> steps) {

    public static final RestoreStatus NONE = new RestoreStatus(null, null, false, 0, 0, 0, 0, null, null, List.of());

    public record Step(int index, String kind, String name, String outcome, String detail) {}
}
