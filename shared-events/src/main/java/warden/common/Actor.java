package warden.common;

/**
 * Who took a decision: a moderator (Discord user id), an automod module, a sanction rule, or Warden itself
 * (a deadline, an operator through the API).
 */
public record Actor(Kind kind, String id) {

    public enum Kind { MODERATOR, AUTOMOD, RULE, SYSTEM }

    public Actor {
        if (kind == null) throw new InvalidValueException("error.actor.missing");
        if (id == null || id.isBlank() || id.length() > 100) throw new InvalidValueException("error.actor.missing");
    }

    public static Actor moderator(UserId user) {
        return new Actor(Kind.MODERATOR, user.toString());
    }

    public static Actor automod(String module) {
        return new Actor(Kind.AUTOMOD, module);
    }

    public static Actor rule(String ruleId) {
        return new Actor(Kind.RULE, ruleId);
    }

    public static Actor system(String what) {
        return new Actor(Kind.SYSTEM, what);
    }

    @Override
    public String toString() {
        return kind.name().toLowerCase() + ":" + id;
    }
}
