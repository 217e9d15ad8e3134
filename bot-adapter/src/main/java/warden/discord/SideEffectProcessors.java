package warden.discord;

import org.axonframework.config.Configuration;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import java.time.Instant;
import java.util.function.BiFunction;

/**
 * The processors that act on Discord, one per side effect and per shard this node holds
 * ({@code sanction-executor@1-of-4}; plain {@code sanction-executor} when the node holds every shard). A guild's
 * side effects therefore run on the node that holds its shard, never fail for being seen elsewhere, and a node that
 * takes a shard over continues from the shard's token in the token store. The first time they run they start at
 * the moment this node started (a new deployment must not ban everyone ever banned again, and must not skip what is
 * decided while it starts up); a handler that fails (Discord unreachable, shard not ready) stops its segment, which
 * is retried with back-off: the action is delayed, never skipped. They are tracking processors (one thread each,
 * woken by every new event): a pooled processor polls every half second when idle, which a raid would feel as a
 * quarter of a second added to every sanction.
 */
@org.springframework.context.annotation.Configuration
@ConditionalOnDiscord
public class SideEffectProcessors {

    public static final String SANCTION_EXECUTOR = "sanction-executor";
    public static final String AUTOMOD_SYNC = "automod-sync";
    public static final String BACKUP_WORKER = "backup-worker";
    public static final String FEDERATION_ENFORCER = "federation-enforcer";

    /** The event handlers of one side effect for one shard; {@link #processor()} names the processor they run in. */
    public interface SliceHandler {
        String processor();
    }

    /** Registers, for every shard this node holds, the processor of a side effect and its handler. */
    @Autowired
    void configure(EventProcessingConfigurer processing, DiscordProperties properties, ApplicationContext context) {
        Instant startedAt = Instant.now();
        for (ShardSlice slice : properties.slices()) {
            register(processing, slice, SANCTION_EXECUTOR, startedAt, (s, name) -> context.getBean(
                    warden.sanctions.SanctionExecutor.class).slice(s, name));
            register(processing, slice, AUTOMOD_SYNC, startedAt, (s, name) -> context.getBean(
                    warden.automod.NativeAutoModSync.class).slice(s, name));
            // its own processor: a restore of many steps holds it for minutes and must not delay sanctions
            register(processing, slice, BACKUP_WORKER, startedAt, (s, name) -> context.getBean(
                    warden.backup.BackupWorker.class).slice(s, name));
            register(processing, slice, FEDERATION_ENFORCER, startedAt, (s, name) -> context.getBean(
                    warden.federation.FederationEnforcer.class).slice(s, name));
        }
    }

    private static void register(EventProcessingConfigurer processing, ShardSlice slice, String base, Instant startedAt,
                                 BiFunction<ShardSlice, String, SliceHandler> handler) {
        String name = slice.processor(base);
        processing.registerEventHandler(config -> handler.apply(slice, name))
                .assignHandlerInstancesMatching(name, h -> h instanceof SliceHandler s && s.processor().equals(name))
                .registerTrackingEventProcessor(name, Configuration::eventStore, config ->
                        TrackingEventProcessorConfiguration.forSingleThreadedProcessing()
                                .andInitialTrackingToken(source -> source.createTokenAt(startedAt)))
                .registerListenerInvocationErrorHandler(name, config -> PropagatingErrorHandler.instance());
    }
}
