package warden.sanctions;

import java.time.Instant;
import org.axonframework.serialization.Revision;
import warden.common.Actor;
import warden.common.AuditFacts;
import warden.common.MemberEvent;
import warden.common.MemberKey;

@Revision("1")
public record NoteAdded(MemberKey member, NoteId noteId, Actor by, String text, Instant occurredAt)
        implements MemberEvent {

    @Override
    public AuditFacts audit() {
        return AuditFacts.of(noteId.value(), by, text);
    }
}
