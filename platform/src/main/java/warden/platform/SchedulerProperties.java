package warden.platform;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

@ConfigurationProperties("warden.scheduler")
public record SchedulerProperties(int threads, Duration pollingInterval) {
    public SchedulerProperties {
        if (threads <= 0) threads = 2;
        if (pollingInterval == null) pollingInterval = Duration.ofSeconds(5);
    }
}
