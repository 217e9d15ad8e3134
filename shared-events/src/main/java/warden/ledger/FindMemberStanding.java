package warden.ledger;

import java.time.Instant;
import warden.common.InvalidValueException;
import warden.common.MemberKey;

/** What a member's standing was at {@code at}: the infractions and sanctions in force at that instant. */
public record FindMemberStanding(MemberKey member, Instant at) {
    public FindMemberStanding {
        if (member == null || at == null) throw new InvalidValueException("error.field.missing");
    }
}
