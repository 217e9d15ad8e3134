package warden.discord;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Says plainly, once started, whether the bot is connected: an operator must not have to guess. */
@Component
@EnableConfigurationProperties(DiscordProperties.class)
class DiscordConnectionReport {

    private static final Logger log = LoggerFactory.getLogger(DiscordConnectionReport.class);

    private final DiscordProperties properties;

    DiscordConnectionReport(DiscordProperties properties) {
        this.properties = properties;
    }

    @EventListener(ApplicationReadyEvent.class)
    void report() {
        if (!properties.connects()) {
            log.warn("Discord is NOT connected: no DISCORD_TOKEN is set (or warden.discord.enabled=false). "
                    + "The event store, the projections and the REST API run; no Discord event is received.");
        }
    }
}
