package warden.discord;

import org.axonframework.config.Configuration;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Instant;

/**
 * The processors that act on Discord. The first time they run they start at the moment this node started (a new
 * deployment must not ban everyone ever banned again, and must not skip what is decided while it starts up), and a
 * handler that fails (Discord unreachable) stops its segment, which is retried with back-off: the action is
 * delayed, never skipped.
 */
@org.springframework.context.annotation.Configuration
@ConditionalOnDiscord
public class SideEffectProcessors {

    public static final String SANCTION_EXECUTOR = "sanction-executor";
    public static final String AUTOMOD_SYNC = "automod-sync";

    @Autowired
    void configure(EventProcessingConfigurer processing) {
        Instant startedAt = Instant.now();
        register(processing, SANCTION_EXECUTOR, startedAt);
        register(processing, AUTOMOD_SYNC, startedAt);
    }

    static void register(EventProcessingConfigurer processing, String name, Instant startedAt) {
        processing.registerPooledStreamingEventProcessor(name, Configuration::eventStore,
                        (config, builder) -> builder.initialToken(source -> source.createTokenAt(startedAt)))
                .registerListenerInvocationErrorHandler(name, config -> PropagatingErrorHandler.instance());
    }
}
