package warden.platform;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Axon 4 serialises with Jackson 2 while Spring Boot 4 ships Jackson 3 only. Without this mapper Axon's default one
 * writes {@code Instant}s as epoch decimals and fails on fields added later to an event.
 */
@AutoConfiguration(beforeName = "org.axonframework.springboot.autoconfig.ObjectMapperAutoConfiguration")
public class AxonSerializationAutoConfiguration {

    public static ObjectMapper eventObjectMapper() {
        return new ObjectMapper()
                .findAndRegisterModules()
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    @Bean("defaultAxonObjectMapper")
    @Qualifier("defaultAxonObjectMapper")
    public ObjectMapper defaultAxonObjectMapper() {
        return eventObjectMapper();
    }
}
