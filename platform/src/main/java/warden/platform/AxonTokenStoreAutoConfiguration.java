package warden.platform;

import java.lang.management.ManagementFactory;
import java.util.UUID;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.serialization.Serializer;
import org.axonframework.springboot.TokenStoreProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * The token store, with a node id of Warden's own. Axon's default id is the JVM's {@code pid@host}, which two
 * nodes can share (two containers whose processes are both pid 1 on a same-named host, or two nodes in one test
 * JVM); nodes sharing an id would each believe they own the other's segments. {@code warden.node-id} names a node
 * explicitly; by default it is {@code pid@host} plus a random suffix, new at each start.
 */
@AutoConfiguration(beforeName = "org.axonframework.springboot.autoconfig.JdbcAutoConfiguration")
@EnableConfigurationProperties(TokenStoreProperties.class)
public class AxonTokenStoreAutoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(AxonTokenStoreAutoConfiguration.class);

    @Bean
    public TokenStore tokenStore(
            ConnectionProvider connectionProvider,
            Serializer serializer,
            TokenStoreProperties properties,
            @Value("${warden.node-id:}") String configuredNodeId) {
        String nodeId = configuredNodeId.isBlank()
                ? ManagementFactory.getRuntimeMXBean().getName() + "/"
                        + UUID.randomUUID().toString().substring(0, 8)
                : configuredNodeId;
        log.info("This node claims processor segments as '{}'", nodeId);
        return JdbcTokenStore.builder()
                .connectionProvider(connectionProvider)
                .schema(new TokenSchema())
                .serializer(serializer)
                .claimTimeout(properties.getClaimTimeout())
                .nodeId(nodeId)
                .build();
    }
}
