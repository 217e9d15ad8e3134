package warden.platform;

import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * {@link OrderedCommands} for automod's infractions: {@code warden.commands.writers} threads (default 8),
 * {@code warden.commands.queue} each, at most {@code warden.commands.batch} commands per transaction (default 100).
 * {@link GroupCommitCommands} for the REST API's waiting senders: {@code warden.commands.waiting-writers} lanes
 * (default 1: one batch written at a time, so that every sender waiting at the same time meets in one; raise it on
 * more cores).
 */
@AutoConfiguration(afterName = "org.axonframework.springboot.autoconfig.AxonAutoConfiguration")
public class OrderedCommandsAutoConfiguration {

    @Bean(destroyMethod = "close")
    OrderedCommands orderedCommands(
            CommandGateway commands,
            TransactionManager transactions,
            MeterRegistry meters,
            @Value("${warden.commands.writers:8}") int writers,
            @Value("${warden.commands.queue:5000}") int queue,
            @Value("${warden.commands.batch:100}") int batch) {
        return new OrderedCommands("automod", commands, transactions, writers, queue, batch, true, meters);
    }

    /** Every aggregate's, and the waiting senders' lanes' (one bean: Axon's configuration takes it as the default). */
    @Bean
    CommandTargetResolver commandTargetResolver() {
        return new CachingCommandTargetResolver();
    }

    @Bean
    GroupCommitCommands groupCommitCommands(
            CommandTargetResolver targets,
            CommandGateway commands,
            TransactionManager transactions,
            MeterRegistry meters,
            @Value("${warden.commands.waiting-writers:1}") int writers,
            @Value("${warden.commands.batch:100}") int batch) {
        return new GroupCommitCommands("waiting", targets, commands, transactions, writers, batch, meters);
    }

    /** What every caller sends commands with: the choice between the paths above is made there. */
    @Bean
    Commands wardenCommands(
            CommandGateway bus, GroupCommitCommands waiting, OrderedCommands ordered, CommandTargetResolver targets) {
        return new Commands(bus, waiting, ordered, targets);
    }
}
