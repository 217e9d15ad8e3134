package warden.sanctions;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import warden.common.Ids;

public record SanctionId(String value) {

    public SanctionId {
        Ids.check("sanction", value);
    }

    @JsonCreator
    public static SanctionId of(String value) {
        return new SanctionId(value);
    }

    public static SanctionId random() {
        return new SanctionId(Ids.random());
    }

    @JsonValue
    @Override
    public String toString() {
        return value;
    }
}
