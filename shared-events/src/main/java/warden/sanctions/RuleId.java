package warden.sanctions;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import warden.common.Ids;

public record RuleId(String value) {

    public RuleId {
        Ids.check("rule", value);
    }

    @JsonCreator
    public static RuleId of(String value) {
        return new RuleId(value);
    }

    public static RuleId random() {
        return new RuleId(Ids.random());
    }

    @JsonValue
    @Override
    public String toString() {
        return value;
    }
}
