package warden.fakediscord;

import java.util.Map;

/** A REST request Warden made to the fake, for assertions. */
public record RecordedRequest(
        long atNanos, String method, String path, String query, Map<String, Object> body, int status) {

    public boolean is(String method, String pathRegex) {
        return this.method.equals(method) && path.matches(pathRegex);
    }

    public String text(String field) {
        Object value = body == null ? null : body.get(field);
        return value == null ? null : value.toString();
    }

    @Override
    public String toString() {
        return method + " " + path + (query == null ? "" : "?" + query) + " -> " + status
                + (body == null || body.isEmpty() ? "" : " " + body);
    }
}
