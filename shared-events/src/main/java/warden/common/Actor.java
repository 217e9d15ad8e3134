package warden.common;

/**
 * Who took a decision: a moderator (Discord user id), an automod module, a sanction rule, or Warden itself
 * (a deadline), a caller of the REST API, or a member of a federation's moderation team acting in a partner server.
 */
public record Actor(Kind kind, String id) {

    public enum Kind {
        MODERATOR,
        AUTOMOD,
        RULE,
        SYSTEM,
        API,
        FEDERATION,
        /** Someone who acted on Discord without Warden (its menu, another bot); the id is theirs, or unknown. */
        DISCORD
    }

    public static final int MAX_ID = 100;

    public static Actor moderator(UserId user) {
        return of(Kind.MODERATOR, user.toString());
    }

    public static Actor automod(String module) {
        return of(Kind.AUTOMOD, module);
    }

    public static Actor rule(String ruleId) {
        return of(Kind.RULE, ruleId);
    }

    /** A caller of the REST API, named by its token. */
    public static Actor api(String tokenName) {
        return of(Kind.API, tokenName);
    }

    /** A moderator of a federation's team, acting in a partner server: the federation is the source. */
    public static Actor federation(String federationId, UserId moderator) {
        return of(Kind.FEDERATION, federationId + "/" + moderator);
    }

    /** Who acted on Discord without Warden: a user or bot, or nobody known (the audit log was not readable). */
    public static Actor discord(UserId user) {
        return of(Kind.DISCORD, user == null ? "unknown" : user.toString());
    }

    public static Actor system(String what) {
        return of(Kind.SYSTEM, what);
    }

    /** A new actor, checked; the canonical constructor checks nothing, so an actor read back from history always loads. */
    private static Actor of(Kind kind, String id) {
        if (kind == null || id == null || id.isBlank() || id.length() > MAX_ID)
            throw new InvalidValueException("error.actor.missing");
        return new Actor(kind, id);
    }

    @Override
    public String toString() {
        return kind.name().toLowerCase() + ":" + id;
    }
}
