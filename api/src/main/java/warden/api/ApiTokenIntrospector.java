package warden.api;

import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.security.oauth2.core.OAuth2AuthenticatedPrincipal;
import org.springframework.security.oauth2.server.resource.introspection.BadOpaqueTokenException;
import org.springframework.security.oauth2.server.resource.introspection.OpaqueTokenIntrospector;
import warden.common.TokenHash;

/** Resolves a bearer token against the configured hashes; the token text itself is never kept nor logged. */
class ApiTokenIntrospector implements OpaqueTokenIntrospector {

    private final Map<String, ApiCaller> byHash;

    ApiTokenIntrospector(ApiTokenProperties properties) {
        this.byHash = properties.tokens().stream()
                .collect(Collectors.toUnmodifiableMap(
                        ApiTokenProperties.Token::sha256,
                        t -> new ApiCaller(t.name(), t.role(), t.guilds()),
                        (a, b) -> {
                            throw new IllegalArgumentException(
                                    "two API tokens have the same hash: " + a.name() + ", " + b.name());
                        }));
    }

    @Override
    public OAuth2AuthenticatedPrincipal introspect(String token) {
        ApiCaller caller = byHash.get(TokenHash.of(token));
        if (caller == null) throw new BadOpaqueTokenException("unknown token");
        return caller;
    }
}
