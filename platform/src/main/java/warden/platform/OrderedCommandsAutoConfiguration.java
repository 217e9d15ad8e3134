package warden.platform;

import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.transaction.TransactionManager;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * {@link OrderedCommands}: {@code warden.commands.writers} threads (default 8), {@code warden.commands.queue} each,
 * at most {@code warden.commands.batch} commands per transaction (default 100).
 */
@AutoConfiguration(afterName = "org.axonframework.springboot.autoconfig.AxonAutoConfiguration")
public class OrderedCommandsAutoConfiguration {

    @Bean(destroyMethod = "close")
    OrderedCommands orderedCommands(CommandGateway commands, TransactionManager transactions, MeterRegistry meters,
                                    @Value("${warden.commands.writers:8}") int writers, @Value("${warden.commands.queue:5000}") int queue,
                                    @Value("${warden.commands.batch:100}") int batch) {
        return new OrderedCommands(commands, transactions, writers, queue, batch, meters);
    }
}
