package warden.sanctions;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import org.springframework.stereotype.Component;
import warden.discord.ConditionalOnDiscord;

/**
 * What Warden itself is about to do on Discord, remembered a minute: where the audit log cannot be read, a ban or a
 * timeout seen on the gateway is told from Warden's own by this memory (it runs on the node that holds the guild's
 * shard, where both the act and its gateway event happen).
 */
@Component
@ConditionalOnDiscord
public class OwnActs {

    private final Cache<String, Boolean> expected = Caffeine.newBuilder()
            .expireAfterWrite(Duration.ofMinutes(1))
            .maximumSize(100_000)
            .build();

    /** Warden is about to do {@code kind} to {@code user} in {@code guild}. */
    public void expect(long guild, long user, SanctionKind kind) {
        expected.put(key(guild, user, kind), Boolean.TRUE);
    }

    /** Whether that act is Warden's own; each expectation answers once. */
    boolean own(long guild, long user, SanctionKind kind) {
        return expected.asMap().remove(key(guild, user, kind)) != null;
    }

    private static String key(long guild, long user, SanctionKind kind) {
        return guild + ":" + user + ":" + kind;
    }
}
