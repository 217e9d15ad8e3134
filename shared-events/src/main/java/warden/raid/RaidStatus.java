package warden.raid;

import java.time.Instant;
import java.util.List;

/** A raid as the read model holds it; {@code raidId} is null when the server never had one. */
public record RaidStatus(
        String raidId,
        boolean active,
        String previousVerification,
        Instant startedAt,
        Instant endedAt,
        List<String> accounts) {

    public static final RaidStatus NONE = new RaidStatus(null, false, null, null, null, List.of());
}
