package warden.sanctions;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import warden.common.Ids;

public record NoteId(String value) {

    public NoteId {
        Ids.check("note", value);
    }

    @JsonCreator
    public static NoteId of(String value) {
        return new NoteId(value);
    }

    public static NoteId random() {
        return new NoteId(Ids.random());
    }

    @JsonValue
    @Override
    public String toString() {
        return value;
    }
}
