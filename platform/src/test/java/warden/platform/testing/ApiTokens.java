package warden.platform.testing;

/** The clear texts of the test tokens configured (hashed) in warden-test-tokens.properties. */
public final class ApiTokens {
    public static final String OPERATOR = "admin-all-token";
    public static final String MOD_A = "mod-a-token";
    public static final String ADMIN_A = "admin-a-token";
    public static final String MOD_B = "mod-b-token";
    public static final String GUILD_A = "1001";
    public static final String GUILD_B = "2002";

    private ApiTokens() {}
}
