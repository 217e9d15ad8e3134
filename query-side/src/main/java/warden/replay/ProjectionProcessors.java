package warden.replay;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.axonframework.config.EventProcessingConfigurer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import warden.ledger.LedgerProcessing;
import warden.platform.WakeableCoordinatorExecutor;
import warden.platform.WardenRoles;

/**
 * The processors of the read models. Every node that runs the {@code projections} role shares their segments
 * through the token store; a node without the role registers them (its queries read the same tables) but claims
 * no segment, so it never writes a read model. Each batch a processor commits wakes its coordinator, which then
 * hands out the next events at once ({@link WakeableCoordinatorExecutor}).
 */
@Configuration
class ProjectionProcessors {

    static final List<String> NAMES = List.of(LedgerProcessing.GROUP, "case-numbers");

    private final Map<String, WakeableCoordinatorExecutor> coordinators = new ConcurrentHashMap<>();

    @Autowired
    void configure(EventProcessingConfigurer processing, Environment environment) {
        boolean claimsSegments = WardenRoles.has(environment, WardenRoles.PROJECTIONS);
        for (String name : NAMES) {
            WakeableCoordinatorExecutor coordinator =
                    coordinators.computeIfAbsent(name, WakeableCoordinatorExecutor::new);
            processing.registerPooledStreamingEventProcessorConfiguration(name, (config, builder) -> {
                config.onShutdown(coordinator::shutdown);
                builder.coordinatorExecutor(coordinator);
                return claimsSegments ? builder : builder.maxClaimedSegments(0);
            });
            processing.registerHandlerInterceptor(name, config -> coordinator.wakeAfterEachBatch());
        }
    }

    /** The executor the named processor's coordinator runs on. */
    WakeableCoordinatorExecutor coordinator(String name) {
        return coordinators.get(name);
    }
}
