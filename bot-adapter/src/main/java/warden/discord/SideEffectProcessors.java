package warden.discord;

import org.axonframework.config.Configuration;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.messaging.StreamableMessageSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The processors that act on Discord. They start at the head of the event store the first time they run (a new
 * deployment must not ban everyone ever banned again), and a handler that fails (Discord unreachable) stops its
 * segment, which is retried with back-off: the action is delayed, never skipped.
 */
@org.springframework.context.annotation.Configuration
@ConditionalOnDiscord
class SideEffectProcessors {

    static final String SANCTION_EXECUTOR = "sanction-executor";
    static final String AUTOMOD_SYNC = "automod-sync";

    @Autowired
    void configure(EventProcessingConfigurer processing) {
        register(processing, SANCTION_EXECUTOR);
        register(processing, AUTOMOD_SYNC);
    }

    static void register(EventProcessingConfigurer processing, String name) {
        processing.registerPooledStreamingEventProcessor(name, Configuration::eventStore,
                        (config, builder) -> builder.initialToken(StreamableMessageSource::createHeadToken))
                .registerListenerInvocationErrorHandler(name, config -> PropagatingErrorHandler.instance());
    }
}
