package warden.ledger;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import warden.common.InvalidValueException;

/**
 * Where a timeline page ended: the business time and the event store position of its last entry. Opaque to
 * clients; stable across inserts, so paging never skips or repeats an event.
 */
public record TimelineCursor(Instant occurredAt, long position) {

    public String encode() {
        String raw = occurredAt.getEpochSecond() + "." + occurredAt.getNano() + "." + position;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.US_ASCII));
    }

    public static TimelineCursor decode(String text) {
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.US_ASCII).split("\\.");
            if (parts.length != 3) throw new IllegalArgumentException();
            return new TimelineCursor(
                    Instant.ofEpochSecond(Long.parseLong(parts[0]), Long.parseLong(parts[1])),
                    Long.parseLong(parts[2]));
        } catch (RuntimeException e) {
            throw new InvalidValueException("error.cursor.malformed");
        }
    }
}
