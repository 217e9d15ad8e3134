package warden.api;

import java.util.List;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The API tokens the operator configured. A token is stored as the SHA-256 of its text (hex), never in clear:
 * {@code java -jar warden.jar hash-token} prints it.
 *
 * @param tokens each with a name (shown in audit trails as the actor), the hash, a role, and the guild ids it may
 *               act on ({@code "*"} for every guild)
 */
@ConfigurationProperties("warden.api")
public record ApiTokenProperties(List<Token> tokens) {

    public ApiTokenProperties {
        tokens = tokens == null ? List.of() : List.copyOf(tokens);
    }

    public record Token(String name, String sha256, ApiRole role, Set<String> guilds) {
        public Token {
            if (name == null || name.isBlank())
                throw new IllegalArgumentException("warden.api.tokens[].name is required");
            if (sha256 == null || !sha256.matches("[0-9a-fA-F]{64}")) {
                throw new IllegalArgumentException("warden.api.tokens[" + name + "].sha256 must be 64 hex digits");
            }
            if (role == null) throw new IllegalArgumentException("warden.api.tokens[" + name + "].role is required");
            guilds = guilds == null ? Set.of() : Set.copyOf(guilds);
            sha256 = sha256.toLowerCase();
        }
    }
}
