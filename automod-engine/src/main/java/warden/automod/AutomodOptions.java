package warden.automod;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import warden.common.Durations;
import warden.common.EventJson;
import warden.common.InvalidValueException;

/**
 * One option of the automod document changed by name, as {@code /config} does from Discord: the same document
 * and field names as the REST API ({@code caps.maxPercent}), values typed as people type them ({@code on},
 * {@code 10s}, {@code a, b, c}), and the same validation afterwards, since the result goes through the same command.
 */
public final class AutomodOptions {

    private static final ObjectMapper JSON = EventJson.mapper();
    private static final List<String> TRUE = List.of("true", "on", "yes", "oui", "1");
    private static final List<String> FALSE = List.of("false", "off", "no", "non", "0");

    private AutomodOptions() {}

    /** The sections of the document: the nine modules, then {@code userContent}. */
    public static List<String> sections() {
        return Arrays.stream(AutomodSettings.class.getRecordComponents())
                .map(RecordComponent::getName)
                .toList();
    }

    /** The options of a section, as named in the document. */
    public static List<String> options(String section) {
        return Arrays.stream(section(section).getType().getRecordComponents())
                .map(RecordComponent::getName)
                .toList();
    }

    /** Values worth proposing for an option: both booleans, an enumeration's constants, or the current value. */
    public static List<String> suggestions(AutomodSettings current, String section, String option) {
        return suggestions(sectionOf(current, section), option);
    }

    /** The options of another settings record ({@code moderation}), by their document names. */
    public static List<String> options(Class<? extends Record> type) {
        return Arrays.stream(type.getRecordComponents())
                .map(RecordComponent::getName)
                .toList();
    }

    public static List<String> suggestions(Record current, String option) {
        Optional<RecordComponent> component = Arrays.stream(current.getClass().getRecordComponents())
                .filter(c -> c.getName().equals(option))
                .findFirst();
        return suggestions(component, JSON.valueToTree(current).path(option));
    }

    /** Another settings record with {@code option} set to {@code value}, read as for the automod document. */
    @SuppressWarnings("unchecked")
    public static <T extends Record> T with(T current, String field, String option, String value) {
        String path = field + "." + option;
        RecordComponent component = Arrays.stream(current.getClass().getRecordComponents())
                .filter(c -> c.getName().equals(option))
                .findFirst()
                .orElseThrow(() -> InvalidValueException.forField(path, "error.setting.unknown", path));
        ObjectNode document = JSON.valueToTree(current);
        document.set(option, node(component, path, value == null ? "" : value.strip()));
        try {
            return (T) JSON.treeToValue(document, current.getClass());
        } catch (JsonProcessingException | IllegalArgumentException e) {
            if (e.getCause() instanceof InvalidValueException invalid) throw invalid.within(field);
            throw InvalidValueException.forField(path, "error.setting.value", path, value);
        }
    }

    private static List<String> suggestions(Optional<RecordComponent> component, JsonNode value) {
        if (component.isEmpty()) return List.of();
        Class<?> type = component.get().getType();
        if (type == boolean.class || type == Boolean.class) return List.of("true", "false");
        if (type.isEnum())
            return Arrays.stream(type.getEnumConstants()).map(Object::toString).toList();
        Class<?> element = elementType(component.get());
        if (element != null && element.isEnum())
            return Arrays.stream(element.getEnumConstants())
                    .map(Object::toString)
                    .toList();
        if (value.isMissingNode() || value.isNull()) return List.of();
        if (type == Duration.class) return List.of(Durations.format(Duration.parse(value.asText())));
        if (value.isArray()) {
            List<String> items = new ArrayList<>();
            value.forEach(v -> items.add(v.asText()));
            return List.of(String.join(", ", items));
        }
        return List.of(value.asText());
    }

    /** The settings with {@code section.option} set to {@code value}; refuses an unknown option or an unreadable value. */
    public static AutomodSettings with(AutomodSettings current, String section, String option, String value) {
        Record changed = with(sectionOf(current, section), section, option, value);
        ObjectNode document = JSON.valueToTree(current);
        document.set(section, JSON.valueToTree(changed));
        try {
            return JSON.treeToValue(document, AutomodSettings.class);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            if (e.getCause() instanceof InvalidValueException invalid) throw invalid.within(section);
            String field = section + "." + option;
            throw InvalidValueException.forField(field, "error.setting.value", field, value);
        }
    }

    private static JsonNode node(RecordComponent component, String field, String value) {
        Class<?> type = component.getType();
        if (type == boolean.class || type == Boolean.class) {
            String v = value.toLowerCase(Locale.ROOT);
            if (TRUE.contains(v)) return JSON.getNodeFactory().booleanNode(true);
            if (FALSE.contains(v)) return JSON.getNodeFactory().booleanNode(false);
            throw InvalidValueException.forField(field, "error.setting.boolean", field, value);
        }
        if (type == int.class || type == Integer.class) {
            try {
                return JSON.getNodeFactory().numberNode(Integer.parseInt(value));
            } catch (NumberFormatException e) {
                throw InvalidValueException.forField(field, "error.setting.number", field, value);
            }
        }
        if (type == Duration.class) {
            Duration duration;
            try {
                duration = Durations.parse(value);
            } catch (InvalidValueException e) {
                throw InvalidValueException.forField(field, "error.setting.value", field, value);
            }
            return JSON.getNodeFactory().textNode(duration.toString());
        }
        if (type.isEnum()) return JSON.getNodeFactory().textNode(constant(type, field, value));
        if (Collection.class.isAssignableFrom(type)) {
            Class<?> element = elementType(component);
            ArrayNode array = JSON.createArrayNode();
            for (String item : value.split(",")) {
                String v = item.strip();
                if (v.isEmpty()) continue;
                array.add(element != null && element.isEnum() ? constant(element, field, v) : v);
            }
            return array;
        }
        return JSON.getNodeFactory().textNode(value);
    }

    private static String constant(Class<?> type, String field, String value) {
        for (Object c : type.getEnumConstants()) {
            if (c.toString().equalsIgnoreCase(value.replace('-', '_'))) return c.toString();
        }
        String allowed = String.join(
                ", ",
                Arrays.stream(type.getEnumConstants()).map(Object::toString).toList());
        throw InvalidValueException.forField(field, "error.setting.choice", field, value, allowed);
    }

    private static Class<?> elementType(RecordComponent component) {
        Type generic = component.getGenericType();
        if (generic instanceof ParameterizedType p && p.getActualTypeArguments()[0] instanceof Class<?> c) return c;
        return null;
    }

    private static RecordComponent section(String section) {
        return Arrays.stream(AutomodSettings.class.getRecordComponents())
                .filter(c -> c.getName().equals(section))
                .findFirst()
                .orElseThrow(() ->
                        InvalidValueException.forField("module", "error.setting.unknown", String.valueOf(section)));
    }

    /** The settings record of one section ({@code caps}, {@code userContent}...) of the document. */
    private static Record sectionOf(AutomodSettings current, String section) {
        try {
            return (Record) section(section).getAccessor().invoke(current);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("unreadable section " + section, e);
        }
    }
}
