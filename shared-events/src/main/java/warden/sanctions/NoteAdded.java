package warden.sanctions;

import java.time.Instant;
import warden.common.Actor;
import warden.common.MemberEvent;
import warden.common.MemberKey;

public record NoteAdded(MemberKey member,
                        NoteId noteId,
                        Actor by,
                        String text,
                        Instant occurredAt) implements MemberEvent {
}
