package warden.platform;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.Task;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;

/**
 * db-scheduler on Warden's own PostgreSQL, so that deadlines (the end of a temporary ban) survive a restart and are
 * picked up by any node, and are saved with the events that set them. Axon's {@code AxonDbSchedulerAutoConfiguration} sees this {@link Scheduler} and builds a
 * {@code DbSchedulerDeadlineManager} on it.
 */
@AutoConfiguration(
        afterName = "org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration",
        beforeName = "org.axonframework.springboot.autoconfig.AxonDbSchedulerAutoConfiguration")
@EnableConfigurationProperties(SchedulerProperties.class)
public class DeadlineSchedulerConfiguration {

    /**
     * On a transaction-aware view of the database: a deadline scheduled or cancelled while a command's events are
     * written (a ban's end, its cancellation when lifted) is saved in that transaction, and rolled back with it. On
     * a connection of its own, a lift whose event failed to store still cancelled the ban's end.
     */
    @Bean
    Scheduler dbScheduler(DataSource dataSource, List<Task<?>> tasks, SchedulerProperties properties) {
        return Scheduler.create(new TransactionAwareDataSourceProxy(dataSource), tasks)
                .threads(properties.threads())
                .pollingInterval(properties.pollingInterval())
                .enableImmediateExecution()
                .build();
    }

    /** Starts polling once every bean (the deadline manager included) exists, and stops first on shutdown. */
    @Bean
    SmartLifecycle dbSchedulerLifecycle(Scheduler scheduler) {
        return new SmartLifecycle() {
            private volatile boolean running;

            @Override
            public void start() {
                scheduler.start();
                running = true;
            }

            @Override
            public void stop() {
                scheduler.stop();
                running = false;
            }

            @Override
            public boolean isRunning() {
                return running;
            }

            @Override
            public int getPhase() {
                return Integer.MAX_VALUE - 100;
            }
        };
    }
}
