package warden.panel;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;

/** The readable difference between two versions of a settings document: one line per option that changed. */
final class PolicyDiff {

    record Change(String option, String before, String after) {}

    private PolicyDiff() {}

    static List<Change> between(JsonNode before, JsonNode after) {
        Map<String, String> a = flatten(before);
        Map<String, String> b = flatten(after);
        List<Change> changes = new ArrayList<>();
        for (String key : new TreeSet<>(union(a, b))) {
            if (!Objects.equals(a.get(key), b.get(key)))
                changes.add(new Change(key, shown(a.get(key)), shown(b.get(key))));
        }
        return changes;
    }

    private static TreeSet<String> union(Map<String, String> a, Map<String, String> b) {
        TreeSet<String> keys = new TreeSet<>(a.keySet());
        keys.addAll(b.keySet());
        return keys;
    }

    private static String shown(String value) {
        return value == null || value.isEmpty() ? "—" : value;
    }

    /** module.option -> its value as text ({@code a, b} for a list). */
    static Map<String, String> flatten(JsonNode document) {
        Map<String, String> flat = new TreeMap<>();
        if (document == null || !document.isObject()) return flat;
        document.properties().forEach(section -> {
            if (!section.getValue().isObject()) {
                flat.put(section.getKey(), text(section.getValue()));
                return;
            }
            section.getValue()
                    .properties()
                    .forEach(option -> flat.put(section.getKey() + "." + option.getKey(), text(option.getValue())));
        });
        return flat;
    }

    /** A value as a form field shows it: empty when unset. */
    static String field(JsonNode value) {
        return value == null || value.isNull() || value.isMissingNode() ? "" : text(value);
    }

    static String text(JsonNode value) {
        if (value == null || value.isNull()) return "—";
        if (value.isArray()) {
            List<String> items = new ArrayList<>();
            value.forEach(v -> items.add(v.isValueNode() ? v.asText() : v.toString()));
            return String.join(", ", items);
        }
        return value.isValueNode() ? value.asText() : value.toString();
    }
}
