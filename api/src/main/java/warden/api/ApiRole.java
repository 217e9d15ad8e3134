package warden.api;

/** What an API token may do in its guilds. An admin may do everything a moderator may. */
public enum ApiRole {
    /** Read histories and timelines, record infractions, pardon, sanction. */
    MODERATOR,
    /** Also change the guild's policy (automod settings, sanction rules); with all guilds, replay and metrics. */
    ADMIN;

    public boolean includes(ApiRole required) {
        return this.ordinal() >= required.ordinal();
    }
}
