package warden.platform;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

@ConfigurationProperties("warden.scheduler")
public record SchedulerProperties(int threads, Duration pollingInterval) {
    public SchedulerProperties {
        if (threads <= 0) threads = 2;
        if (pollingInterval == null) pollingInterval = Duration.ofSeconds(5);
    }
}
