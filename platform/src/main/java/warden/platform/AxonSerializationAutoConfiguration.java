package warden.platform;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;
import warden.common.EventJson;
import warden.common.Upcasters;

/**
 * Axon 4 serialises with Jackson 2 while Spring Boot 4 ships Jackson 3 only. Without this mapper Axon's default one
 * writes {@code Instant}s as epoch decimals and fails on fields added later to an event.
 */
@AutoConfiguration(beforeName = "org.axonframework.springboot.autoconfig.ObjectMapperAutoConfiguration")
public class AxonSerializationAutoConfiguration {

    /** Axon registers every {@code EventUpcaster} bean with the event store. */
    @Bean
    public EventUpcasterChain wardenEventUpcasters() {
        return new EventUpcasterChain(Upcasters.all());
    }

    @Bean("defaultAxonObjectMapper")
    @Qualifier("defaultAxonObjectMapper")
    public ObjectMapper defaultAxonObjectMapper() {
        return EventJson.mapper();
    }
}
