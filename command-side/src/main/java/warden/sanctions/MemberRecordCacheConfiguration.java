package warden.sanctions;

import org.axonframework.common.caching.Cache;
import org.axonframework.common.caching.WeakReferenceCache;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Keeps recently used member records in memory, so that recording an infraction does not replay the member's
 * whole history each time. Entries are weakly held (the JVM reclaims them under pressure) and Axon evicts one whose
 * command failed; a record changed by another node makes the append fail cleanly on its sequence number.
 */
@Configuration
class MemberRecordCacheConfiguration {

    @Bean
    Cache memberRecordCache() {
        return new WeakReferenceCache();
    }
}
