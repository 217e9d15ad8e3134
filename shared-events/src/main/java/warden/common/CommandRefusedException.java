package warden.common;

/** A well-formed command that the aggregate's current state refuses: pardoning an unknown infraction, an 11th rule. */
public class CommandRefusedException extends LocalizedException {
    public CommandRefusedException(String code, Object... args) {
        super(code, args);
    }
}
