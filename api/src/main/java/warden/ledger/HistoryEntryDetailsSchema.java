package warden.ledger;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.stereotype.Component;

/**
 * A history entry's {@code details} is held as the stored JSON text and written out as it is ({@code @JsonRawValue}),
 * so clients receive a JSON object; springdoc only sees the Java field, a string. {@code shared-events} carries no
 * OpenAPI annotations, so the description says it here.
 */
@Component
class HistoryEntryDetailsSchema implements OpenApiCustomizer {

    @Override
    public void customise(OpenAPI openApi) {
        if (openApi.getComponents() == null || openApi.getComponents().getSchemas() == null) return;
        Schema<?> entry = openApi.getComponents().getSchemas().get(HistoryEntry.class.getSimpleName());
        if (entry == null
                || entry.getProperties() == null
                || !entry.getProperties().containsKey("details")) return;
        entry.getProperties()
                .put(
                        "details",
                        new ObjectSchema()
                                .description("The whole event as it was stored (its fields depend on eventType)."));
    }
}
