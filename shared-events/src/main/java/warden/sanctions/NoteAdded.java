package warden.sanctions;

import org.axonframework.serialization.Revision;
import java.time.Instant;
import warden.common.Actor;
import warden.common.MemberEvent;
import warden.common.MemberKey;

@Revision("1")
public record NoteAdded(MemberKey member,
                        NoteId noteId,
                        Actor by,
                        String text,
                        Instant occurredAt) implements MemberEvent {
}
