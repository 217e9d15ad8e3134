package warden.panel;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.core.OAuth2AuthenticatedPrincipal;
import org.springframework.security.oauth2.server.resource.introspection.OAuth2IntrospectionException;
import org.springframework.security.oauth2.server.resource.introspection.OpaqueTokenIntrospector;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Signing in to the panel with an operator-issued API token (the token itself is neither kept nor logged), or the way to
 * Discord's sign-in when it is configured.
 */
@Controller
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class PanelLoginController {

    private final OpaqueTokenIntrospector tokens;
    private final boolean discord;
    private final SecurityContextRepository sessions = new HttpSessionSecurityContextRepository();

    PanelLoginController(OpaqueTokenIntrospector tokens, ObjectProvider<ClientRegistrationRepository> discord) {
        this.tokens = tokens;
        this.discord = discord.getIfAvailable() != null;
    }

    @ModelAttribute("discord")
    boolean discord() {
        return discord;
    }

    @GetMapping("/panel/login")
    String login() {
        return "panel/login";
    }

    @PostMapping("/panel/login")
    String signIn(@RequestParam String token, HttpServletRequest request, HttpServletResponse response, Model model) {
        OAuth2AuthenticatedPrincipal caller;
        try {
            caller = tokens.introspect(token.strip());
        } catch (OAuth2IntrospectionException e) {
            model.addAttribute("error", true);
            return "panel/login";
        }
        request.getSession(true);
        request.changeSessionId(); // a new session id for the signed-in caller: no fixation
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(caller, null, caller.getAuthorities()));
        SecurityContextHolder.setContext(context);
        sessions.saveContext(context, request, response);
        return "redirect:/panel";
    }
}
