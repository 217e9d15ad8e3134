package warden.automod;

import warden.sanctions.InfractionType;

/** The nine detection modules of the DraftBot documentation, and the infraction type each one records. */
public enum AutomodModule {
    VOCABULARY(InfractionType.VOCABULARY),
    INVITES(InfractionType.INVITE),
    LINKS(InfractionType.LINK),
    CAPS(InfractionType.CAPS),
    EMOJIS(InfractionType.EMOJI),
    PINGS(InfractionType.PING),
    MENTIONS(InfractionType.MENTIONS),
    SPAM(InfractionType.SPAM),
    MARKDOWN(InfractionType.MARKDOWN);

    private final InfractionType infractionType;

    AutomodModule(InfractionType infractionType) {
        this.infractionType = infractionType;
    }

    public InfractionType infractionType() {
        return infractionType;
    }

    /** The name used in settings documents, slash commands and actors: {@code vocabulary}, {@code invites}... */
    public String key() {
        return name().toLowerCase();
    }
}
