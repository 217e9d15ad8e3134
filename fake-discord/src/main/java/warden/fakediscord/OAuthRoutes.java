package warden.fakediscord;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Discord's OAuth2 authorization-code flow as a web application meets it: the authorize page (where the browser's
 * Discord user approves; the fake lets the page pick which user is signed in), the token endpoint with the client's
 * secret, and {@code users/@me} and {@code users/@me/guilds} answered for the user's bearer token. Refusals follow
 * Discord's: an unknown client or redirect, a code used twice or for another redirect, a wrong secret.
 */
final class OAuthRoutes {

    record App(String clientId, String secret, List<String> redirects) {}

    private record Grant(String clientId, long userId, String redirect, String scope) {}

    private final World world;
    private final DiscordRules rules;
    private final Map<String, App> apps = new ConcurrentHashMap<>();
    private final Map<String, Grant> codes = new ConcurrentHashMap<>();
    private final Map<String, Grant> tokens = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();

    OAuthRoutes(World world, DiscordRules rules) {
        this.world = world;
        this.rules = rules;
    }

    void register(App app) {
        apps.put(app.clientId(), app);
    }

    /** Answers the request when it is one of OAuth2's; false leaves it to the bot API's routes. */
    boolean serve(HttpExchange exchange, String method, String fullPath, String query, String body) throws IOException {
        String path = fullPath.replaceFirst("^/api(/v\\d+)?", "");
        String auth = exchange.getRequestHeaders().getFirst("Authorization");
        if (method.equals("GET") && fullPath.equals("/oauth2/authorize")) {
            authorizePage(exchange, form(query));
        } else if (method.equals("GET") && fullPath.equals("/oauth2/authorize/approve")) {
            approve(exchange, form(query));
        } else if (method.equals("POST") && path.equals("/oauth2/token")) {
            token(exchange, form(body), auth);
        } else if (method.equals("GET")
                && auth != null
                && auth.startsWith("Bearer ")
                && path.startsWith("/users/@me")) {
            Grant grant = tokens.get(auth.substring("Bearer ".length()).strip());
            if (grant == null) {
                json(exchange, 401, Json.obj("message", "401: Unauthorized", "code", 0));
            } else if (path.equals("/users/@me")) {
                json(exchange, 200, world.userJson(grant.userId()));
            } else if (path.equals("/users/@me/guilds") && grant.scope().contains("guilds")) {
                json(exchange, 200, guilds(grant.userId()));
            } else {
                json(exchange, 403, Json.obj("message", "Missing Access", "code", 50001));
            }
        } else {
            return false;
        }
        return true;
    }

    private void authorizePage(HttpExchange exchange, Map<String, String> q) throws IOException {
        App app = apps.get(q.getOrDefault("client_id", ""));
        if (app == null) {
            html(exchange, 400, "<p id=\"error\">Unknown Application</p>");
            return;
        }
        if (!app.redirects().contains(q.getOrDefault("redirect_uri", ""))) {
            html(exchange, 400, "<p id=\"error\">Invalid OAuth2 redirect_uri</p>");
            return;
        }
        StringBuilder page = new StringBuilder("<h1>Discord (fake): authorize this application</h1>")
                .append("<p>It asks for: ")
                .append(escape(q.getOrDefault("scope", "")))
                .append("</p>")
                .append("<form method=\"get\" action=\"/oauth2/authorize/approve\">");
        for (String field : List.of("client_id", "redirect_uri", "state", "scope")) {
            page.append("<input type=\"hidden\" name=\"")
                    .append(field)
                    .append("\" value=\"")
                    .append(escape(q.getOrDefault(field, "")))
                    .append("\">");
        }
        page.append("<label for=\"user\">Signed in to Discord as</label> <select id=\"user\" name=\"user\">");
        for (World.UserSpec user : List.copyOf(world.users.values())) {
            if (!user.bot())
                page.append("<option value=\"")
                        .append(user.id())
                        .append("\">")
                        .append(escape(user.name()))
                        .append("</option>");
        }
        page.append("</select> <button id=\"authorize\" name=\"decision\" value=\"allow\">Authorize</button>")
                .append(" <button id=\"cancel\" name=\"decision\" value=\"deny\">Cancel</button></form>");
        html(exchange, 200, page.toString());
    }

    private void approve(HttpExchange exchange, Map<String, String> q) throws IOException {
        App app = apps.get(q.getOrDefault("client_id", ""));
        String redirect = q.getOrDefault("redirect_uri", "");
        if (app == null || !app.redirects().contains(redirect)) {
            html(exchange, 400, "<p id=\"error\">Invalid OAuth2 redirect_uri</p>");
            return;
        }
        String state = URLEncoder.encode(q.getOrDefault("state", ""), StandardCharsets.UTF_8);
        String separator = redirect.contains("?") ? "&" : "?";
        if (!"allow".equals(q.get("decision"))) {
            redirect(exchange, redirect + separator + "error=access_denied&state=" + state);
            return;
        }
        String code = secret();
        codes.put(
                code, new Grant(app.clientId(), Long.parseLong(q.get("user")), redirect, q.getOrDefault("scope", "")));
        redirect(exchange, redirect + separator + "code=" + code + "&state=" + state);
    }

    private void token(HttpExchange exchange, Map<String, String> form, String auth) throws IOException {
        String clientId = form.get("client_id");
        String secret = form.get("client_secret");
        if (auth != null && auth.startsWith("Basic ")) {
            String[] pair = new String(
                            Base64.getDecoder().decode(auth.substring(6).strip()), StandardCharsets.UTF_8)
                    .split(":", 2);
            clientId = URLDecoder.decode(pair[0], StandardCharsets.UTF_8);
            secret = pair.length > 1 ? URLDecoder.decode(pair[1], StandardCharsets.UTF_8) : null;
        }
        App app = clientId == null ? null : apps.get(clientId);
        if (app == null || !app.secret().equals(secret)) {
            json(exchange, 401, Json.obj("error", "invalid_client"));
            return;
        }
        Grant grant = "authorization_code".equals(form.get("grant_type"))
                ? codes.remove(form.getOrDefault("code", ""))
                : null;
        if (grant == null
                || !grant.clientId().equals(clientId)
                || !grant.redirect().equals(form.get("redirect_uri"))) {
            json(
                    exchange,
                    400,
                    Json.obj("error", "invalid_grant", "error_description", "Invalid \"code\" in request."));
            return;
        }
        String token = secret();
        tokens.put(token, grant);
        json(
                exchange,
                200,
                Json.obj(
                        "access_token",
                        token,
                        "token_type",
                        "Bearer",
                        "expires_in",
                        604800,
                        "refresh_token",
                        secret(),
                        "scope",
                        grant.scope()));
    }

    /** The user's guilds as {@code users/@me/guilds} lists them: with the user's permissions in each. */
    private List<Map<String, Object>> guilds(long userId) {
        List<Map<String, Object>> list = new ArrayList<>();
        for (World.GuildSpec guild : List.copyOf(world.guilds.values())) {
            if (!guild.members.containsKey(userId) && guild.ownerId != userId) continue;
            list.add(Json.obj(
                    "id",
                    Long.toString(guild.id()),
                    "name",
                    guild.name(),
                    "icon",
                    null,
                    "owner",
                    guild.ownerId == userId,
                    "permissions",
                    Long.toString(rules.permissions(guild, userId, null)),
                    "features",
                    List.of()));
        }
        return list;
    }

    private String secret() {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    private static Map<String, String> form(String encoded) {
        Map<String, String> form = new HashMap<>();
        if (encoded == null || encoded.isBlank()) return form;
        for (String pair : encoded.split("&")) {
            int eq = pair.indexOf('=');
            if (eq < 0) continue;
            form.put(
                    URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return form;
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;");
    }

    private static void redirect(HttpExchange exchange, String location) throws IOException {
        exchange.getResponseHeaders().set("Location", location);
        exchange.sendResponseHeaders(302, -1);
        exchange.close();
    }

    private static void html(HttpExchange exchange, int status, String body) throws IOException {
        send(
                exchange,
                status,
                "text/html; charset=utf-8",
                "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Discord (fake)</title></head><body><main>"
                        + body + "</main></body></html>");
    }

    private static void json(HttpExchange exchange, int status, Object body) throws IOException {
        send(exchange, status, "application/json", Json.write(body));
    }

    private static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
