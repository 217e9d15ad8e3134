package warden.fakediscord;

/**
 * A REST fault to inject: the next {@code times} requests matching {@code method} and {@code pathRegex} get
 * {@code status} with Discord's error body. A 429 carries the headers of a per-route limit (with {@code via}, or
 * JDA would take it for a global limit).
 */
public record Fault(String method, String pathRegex, int status, int code, String message, int times) {

    public static Fault missingPermissions(String method, String pathRegex) {
        return new Fault(method, pathRegex, 403, 50013, "Missing Permissions", Integer.MAX_VALUE);
    }

    public static Fault rateLimited(String method, String pathRegex, int times) {
        return new Fault(method, pathRegex, 429, 0, "You are being rate limited.", times);
    }

    public static Fault serverError(String method, String pathRegex, int times) {
        return new Fault(method, pathRegex, 502, 0, "Bad Gateway", times);
    }

    public static Fault cannotMessageUser(String method, String pathRegex) {
        return new Fault(method, pathRegex, 403, 50007, "Cannot send messages to this user", Integer.MAX_VALUE);
    }

    boolean matches(String m, String path) {
        return method.equals(m) && path.matches(pathRegex);
    }
}
