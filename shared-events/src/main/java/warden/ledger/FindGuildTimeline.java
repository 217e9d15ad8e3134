package warden.ledger;

import java.time.Instant;
import warden.common.GuildId;
import warden.common.InvalidValueException;

/**
 * Every event of a guild, newest first, a page at a time.
 *
 * @param cursor the {@code nextCursor} of the previous page, or null for the first page
 */
public record FindGuildTimeline(GuildId guild, TimelineCursor cursor, int limit, Instant from, Instant to) {

    public static final int MAX_LIMIT = 200;

    public FindGuildTimeline {
        if (guild == null) throw new InvalidValueException("error.id.missing", "guild");
        if (limit < 1 || limit > MAX_LIMIT) throw new InvalidValueException("error.page.size", MAX_LIMIT, limit);
        if (from != null && to != null && !from.isBefore(to))
            throw new InvalidValueException("error.range.empty", from, to);
    }
}
