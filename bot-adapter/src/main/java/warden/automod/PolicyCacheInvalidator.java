package warden.automod;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;
import warden.config.PolicyEvent;

/** A policy changed on this node: its guild's compiled policy is dropped at once (other nodes refresh by delay). */
@Component
@ProcessingGroup("automod-cache")
class PolicyCacheInvalidator {

    private final CompiledPolicyCache cache;

    PolicyCacheInvalidator(CompiledPolicyCache cache) {
        this.cache = cache;
    }

    @EventHandler
    void on(PolicyEvent event) {
        cache.invalidate(event.guild());
    }
}
