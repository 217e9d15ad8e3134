package warden.interserver;

import java.time.Instant;
import java.util.List;

/**
 * @param frequency the first digits of the frequency's hash (never the secret)
 * @param created   whether this channel created the frequency
 * @param partners  the other channels currently on the frequency, as {@code guild/channel}
 */
public record LinkHistory(
        String frequency,
        String channelId,
        boolean created,
        String linkedBy,
        Instant linkedAt,
        Instant unlinkedAt,
        UnlinkReason unlinkReason,
        String unlinkedBy,
        List<String> partners) {}
