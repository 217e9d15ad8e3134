package warden.platform;

/** The embedded PostgreSQL could not start; {@link #action()} says what the operator can do about it. */
public class EmbeddedDatabaseStartFailure extends RuntimeException {

    private final String action;

    EmbeddedDatabaseStartFailure(String description, String action, Throwable cause) {
        super(description, cause);
        this.action = action;
    }

    public String action() {
        return action;
    }
}
