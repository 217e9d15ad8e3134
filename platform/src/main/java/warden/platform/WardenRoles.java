package warden.platform;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import org.springframework.core.env.Environment;

/**
 * What a node runs, from {@code warden.roles} (any of {@code api}, {@code bot}, {@code projections}; default all):
 * <ul>
 *     <li>{@code api}: the REST API (without it the node serves no HTTP);</li>
 *     <li>{@code bot}: the Discord connection for its shards, and every side effect on Discord of the guilds on
 *     those shards (it also needs a token);</li>
 *     <li>{@code projections}: the read models; nodes that run them share their segments.</li>
 * </ul>
 * Every node runs the command side: commands are handled where they are sent, over the one event store.
 */
public final class WardenRoles {

    public static final String PROPERTY = "warden.roles";
    public static final String API = "api";
    public static final String BOT = "bot";
    public static final String PROJECTIONS = "projections";
    private static final Set<String> ALL = Set.of(API, BOT, PROJECTIONS);

    private WardenRoles() {}

    public static Set<String> of(Environment environment) {
        return parse(environment.getProperty(PROPERTY));
    }

    public static boolean has(Environment environment, String role) {
        return of(environment).contains(role);
    }

    static Set<String> parse(String value) {
        if (value == null || value.isBlank()) return ALL;
        Set<String> roles = new LinkedHashSet<>();
        for (String part : value.split(",")) {
            String role = part.strip().toLowerCase(Locale.ROOT);
            if (role.isEmpty()) continue;
            if (!ALL.contains(role)) {
                throw new IllegalArgumentException(
                        "warden.roles: unknown role '" + part.strip() + "' (known: api, bot, projections)");
            }
            roles.add(role);
        }
        if (roles.isEmpty())
            throw new IllegalArgumentException("warden.roles names no role (known: api, bot, projections)");
        return Set.copyOf(roles);
    }
}
