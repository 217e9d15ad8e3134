package warden.platform;

import org.springframework.boot.autoconfigure.AutoConfiguration;

/**
 * Axon 4.13 orders its JDBC and transaction auto-configuration after Spring Boot 3 class names that moved in
 * Boot 4. Without this empty marker Axon finds no DataSource, silently falls back to a no-op transaction manager
 * and refuses to start ("Default configuration requires the use of event sourcing").
 */
@AutoConfiguration(
        afterName = {
            "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
            "org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration"
        },
        beforeName = {
            "org.axonframework.springboot.autoconfig.JdbcAutoConfiguration",
            "org.axonframework.springboot.autoconfig.TransactionAutoConfiguration"
        })
public class AxonJdbcOrderingAutoConfiguration {}
