package warden.discord;

import java.time.Instant;
import java.util.function.BiFunction;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.Configuration;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.EventListener;

/**
 * The processors that act on Discord, one per side effect and per shard this node holds
 * ({@code sanction-executor@1-of-4}; plain {@code sanction-executor} when the node holds every shard). A guild's
 * side effects therefore run on the node that holds its shard, never fail for being seen elsewhere, and a node that
 * takes a shard over continues from the shard's token in the token store. The first time they run they start at
 * the moment this node started (a new deployment must not ban everyone ever banned again, and must not skip what is
 * decided while it starts up); a handler that fails (Discord unreachable, shard not ready, a text Discord refuses) parks
 * the event as a dead letter ({@link DeadLetters}), retried with back-off: the action is delayed, never skipped, and only
 * that member's or server's later side effects wait behind it. They are tracking processors (one thread each,
 * woken by every new event): a pooled processor polls every half second when idle, which a raid would feel as a
 * quarter of a second added to every sanction.
 */
@org.springframework.context.annotation.Configuration
@ConditionalOnDiscord
public class SideEffectProcessors {

    /** The event handlers of one side effect for one shard; {@link #processor()} names the processor they run in. */
    public interface SliceHandler {
        String processor();
    }

    /**
     * A feature's side effect on Discord: its handlers for one shard slice. The bean's class carries
     * {@link ShardedSideEffect}, which names its processor; each side effect has its own (a restore of many steps
     * holds the backup worker for minutes and must not delay sanctions).
     */
    public interface SliceHandlers {
        SliceHandler slice(ShardSlice slice, String processor);
    }

    /**
     * Registers, for every shard this node holds, the processor of every side effect and its handler. The features'
     * beans are found by type and annotation without being made: each is made when its processor first needs it.
     */
    @Autowired
    void configure(
            EventProcessingConfigurer processing,
            DiscordProperties properties,
            ApplicationContext context,
            DeadLetters deadLetters) {
        Instant startedAt = Instant.now();
        for (String bean : context.getBeanNamesForType(SliceHandlers.class, true, false)) {
            ShardedSideEffect effect = context.findAnnotationOnBean(bean, ShardedSideEffect.class);
            if (effect == null)
                throw new IllegalStateException(
                        bean + " handles side effects but names no processor (@ShardedSideEffect)");
            for (ShardSlice slice : properties.slices()) {
                String name = register(
                        processing,
                        slice,
                        effect.value(),
                        startedAt,
                        (s, processor) ->
                                context.getBean(bean, SliceHandlers.class).slice(s, processor));
                processing
                        .registerDeadLetterQueue(
                                name,
                                config -> DeadLetters.queue(
                                        name,
                                        config,
                                        context.getBean(ConnectionProvider.class),
                                        context.getBean(TransactionManager.class)))
                        .registerDeadLetterPolicy(name, config -> DeadLetters.policy());
                deadLetters.register(name);
            }
        }
    }

    @Bean(destroyMethod = "stop")
    static DeadLetters deadLetters() {
        return new DeadLetters();
    }

    @EventListener(ApplicationReadyEvent.class)
    void retryDeadLetters(ApplicationReadyEvent ready) {
        ready.getApplicationContext()
                .getBean(DeadLetters.class)
                .start(ready.getApplicationContext().getBean(EventProcessingConfiguration.class));
    }

    private static String register(
            EventProcessingConfigurer processing,
            ShardSlice slice,
            String base,
            Instant startedAt,
            BiFunction<ShardSlice, String, SliceHandler> handler) {
        String name = slice.processor(base);
        processing
                .registerEventHandler(config -> handler.apply(slice, name))
                .assignHandlerInstancesMatching(
                        name, h -> h instanceof SliceHandler s && s.processor().equals(name))
                .registerTrackingEventProcessor(
                        name,
                        Configuration::eventStore,
                        config -> TrackingEventProcessorConfiguration.forSingleThreadedProcessing()
                                .andInitialTrackingToken(source -> source.createTokenAt(startedAt)))
                .registerListenerInvocationErrorHandler(name, config -> PropagatingErrorHandler.instance());
        return name;
    }
}
