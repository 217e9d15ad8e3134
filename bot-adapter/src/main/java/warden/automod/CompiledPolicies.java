package warden.automod;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import warden.common.GuildId;
import warden.config.GuildPolicies;
import warden.config.PolicyDocument;

/**
 * Each guild's policy compiled for the hot path (the vocabulary automaton above all). The policy itself comes from
 * {@link GuildPolicies}; a compiled policy is reused while its version is the current one and rebuilt the first
 * time a message meets a newer version.
 */
public final class CompiledPolicies {

    private final GuildPolicies policies;
    private final DetectionEngine engine;
    private final Cache<GuildId, CompiledPolicy> compiled;

    public CompiledPolicies(GuildPolicies policies, DetectionEngine engine, long maxGuilds) {
        this.policies = policies;
        this.engine = engine;
        this.compiled = Caffeine.newBuilder()
                .maximumSize(maxGuilds)
                .expireAfterAccess(Duration.ofHours(6))
                .build();
    }

    public CompiledPolicy compiled(GuildId guild) {
        PolicyDocument current = policies.current(guild);
        CompiledPolicy known = compiled.getIfPresent(guild);
        if (known != null && known.version() == current.version()) return known;
        CompiledPolicy next = engine.compile(current);
        compiled.put(guild, next);
        return next;
    }

    public PolicyDocument policy(GuildId guild) {
        return policies.current(guild);
    }
}
