package warden.sanctions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;

/**
 * {@code InfractionRecorded} revision 1 (stored without a revision) named its actor {@code source}; revision 2 calls
 * it {@code by}, as every other event does. Old events are read as revision 2; nothing in the store is rewritten.
 */
public final class InfractionRecordedUpcaster extends SingleEventUpcaster {

    private static final String TYPE = InfractionRecorded.class.getName();
    private static final SimpleSerializedType REVISION_2 = new SimpleSerializedType(TYPE, "2");

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return representation.getType().getName().equals(TYPE)
                && (representation.getType().getRevision() == null
                        || representation.getType().getRevision().equals("1"));
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        return representation.upcastPayload(REVISION_2, JsonNode.class, payload -> {
            if (payload instanceof ObjectNode event && event.has("source") && !event.has("by")) {
                event.set("by", event.remove("source"));
            }
            return payload;
        });
    }
}
