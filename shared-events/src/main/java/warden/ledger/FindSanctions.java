package warden.ledger;

import java.time.Instant;
import warden.common.GuildId;
import warden.common.InvalidValueException;
import warden.common.UserId;
import warden.sanctions.SanctionKind;

/**
 * A server's sanctions, newest first, filtered; removed sanctions only when asked for.
 *
 * @param moderator who decided them: a moderator's user id, or an actor as the log writes it ({@code api:mod-a}), or null
 * @param active    true: only timeouts and bans in force; false: only the others; null: both
 * @param text      words to find in the reason or context (English and French stemming), or null
 */
public record FindSanctions(
        GuildId guild,
        UserId member,
        SanctionKind kind,
        String moderator,
        Boolean active,
        Instant from,
        Instant to,
        String text,
        boolean includeRemoved,
        int page,
        int size) {

    public static final int MAX_TEXT = 200;

    public FindSanctions {
        if (guild == null) throw new InvalidValueException("error.field.missing");
        if (page < 0) throw new InvalidValueException("error.page.negative", page);
        if (size < 1 || size > FindInfractionLog.MAX_PAGE_SIZE) {
            throw new InvalidValueException("error.page.size", FindInfractionLog.MAX_PAGE_SIZE, size);
        }
        if (from != null && to != null && !from.isBefore(to))
            throw new InvalidValueException("error.range.empty", from, to);
        text = text == null || text.isBlank() ? null : text.strip();
        moderator = moderator == null || moderator.isBlank() ? null : moderator.strip();
        if (moderator != null && moderator.chars().allMatch(c -> c >= '0' && c <= '9')) {
            moderator = warden.common.Actor.moderator(UserId.of(moderator)).toString();
        }
        if (text != null && text.length() > MAX_TEXT)
            throw InvalidValueException.forField("q", "error.text.tooLong", "q", MAX_TEXT);
    }
}
