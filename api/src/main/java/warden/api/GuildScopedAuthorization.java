package warden.api;

import java.util.function.Supplier;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

/** Grants a request when the caller's token has the role in the guild named by the path's {@code {guild}}. */
final class GuildScopedAuthorization implements AuthorizationManager<RequestAuthorizationContext> {

    private final ApiRole required;
    private final boolean everyGuild;

    private GuildScopedAuthorization(ApiRole required, boolean everyGuild) {
        this.required = required;
        this.everyGuild = everyGuild;
    }

    static GuildScopedAuthorization inPathGuild(ApiRole required) {
        return new GuildScopedAuthorization(required, false);
    }

    /** For operations that span every guild (replay, metrics): only tokens scoped to {@code "*"}. */
    static GuildScopedAuthorization inEveryGuild(ApiRole required) {
        return new GuildScopedAuthorization(required, true);
    }

    @Override
    public AuthorizationResult authorize(
            Supplier<? extends Authentication> authentication, RequestAuthorizationContext context) {
        Authentication auth = authentication.get();
        if (auth == null || !(auth.getPrincipal() instanceof ApiCaller caller)) return new AuthorizationDecision(false);
        if (everyGuild) return new AuthorizationDecision(caller.mayEveryGuild(required));
        String guild = context.getVariables().get("guild");
        return new AuthorizationDecision(guild != null && caller.may(required, guild));
    }
}
