package warden.sanctions;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import warden.common.Ids;

public record InfractionId(String value) {

    public InfractionId {
        Ids.check("infraction", value);
    }

    @JsonCreator
    public static InfractionId of(String value) {
        return new InfractionId(value);
    }

    public static InfractionId random() {
        return new InfractionId(Ids.random());
    }

    @JsonValue
    @Override
    public String toString() {
        return value;
    }
}
