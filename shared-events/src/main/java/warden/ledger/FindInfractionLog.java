package warden.ledger;

import java.time.Instant;
import java.util.Set;
import warden.common.InvalidValueException;
import warden.common.MemberKey;
import warden.sanctions.InfractionType;

/**
 * A member's history, newest first: infractions (pardoned ones marked), pardons, notes and sanctions.
 *
 * @param types when not empty, only infractions of these types
 * @param from  inclusive, or null
 * @param to    exclusive, or null
 */
public record FindInfractionLog(
        MemberKey member, Set<InfractionType> types, Instant from, Instant to, int page, int size) {

    public static final int MAX_PAGE_SIZE = 100;

    public FindInfractionLog {
        // a blank ?type= arrives as a null element
        types = types == null
                ? Set.of()
                : types.stream()
                        .filter(java.util.Objects::nonNull)
                        .collect(java.util.stream.Collectors.toUnmodifiableSet());
        if (page < 0) throw new InvalidValueException("error.page.negative", page);
        if (size < 1 || size > MAX_PAGE_SIZE) throw new InvalidValueException("error.page.size", MAX_PAGE_SIZE, size);
        if (from != null && to != null && !from.isBefore(to))
            throw new InvalidValueException("error.range.empty", from, to);
    }
}
