package warden.common;

/**
 * The event-store identity of a guild's policy. Prefixed, because aggregate identifiers share one table and a
 * bare guild id could meet another aggregate's id.
 */
public final class GuildPolicyId {
    private static final String PREFIX = "policy:";

    private GuildPolicyId() {}

    public static String of(GuildId guild) {
        return PREFIX + guild;
    }
}
