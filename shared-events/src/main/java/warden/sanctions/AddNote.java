package warden.sanctions;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import warden.common.Actor;
import warden.common.MemberKey;
import warden.common.Texts;

/** A moderator's note on a member: no sanction, kept in the history. */
public record AddNote(
        @TargetAggregateIdentifier MemberKey member, NoteId noteId, Actor by, String text, Instant occurredAt) {

    public AddNote {
        Required.of(member, noteId, by, occurredAt);
        text = Texts.required("text", text, Texts.MAX_NOTE);
    }
}
