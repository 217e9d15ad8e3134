package warden.common;

/**
 * Who took a decision: a moderator (Discord user id), an automod module, a sanction rule, or Warden itself
 * (a deadline), or a caller of the REST API.
 */
public record Actor(Kind kind, String id) {

    public enum Kind { MODERATOR, AUTOMOD, RULE, SYSTEM, API }

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

    /** A caller of the REST API, named by its token. */
    public static Actor api(String tokenName) {
        return new Actor(Kind.API, tokenName);
    }

    public static Actor system(String what) {
        return new Actor(Kind.SYSTEM, what);
    }

    @Override
    public String toString() {
        return kind.name().toLowerCase() + ":" + id;
    }
}
