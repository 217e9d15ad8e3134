package warden.backup;

import java.time.Instant;

/** A backup as the read model lists it. */
public record BackupSummary(
        String backupId,
        String label,
        String contentHash,
        int sizeBytes,
        int roles,
        int channels,
        int members,
        boolean automatic,
        String takenBy,
        Instant takenAt) {}
