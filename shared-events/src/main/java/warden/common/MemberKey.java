package warden.common;

/** One member of one guild: the identity of a {@code MemberRecord}. */
public record MemberKey(GuildId guild, UserId user) {

    public MemberKey {
        if (guild == null || user == null) throw new InvalidValueException("error.id.missing", "member");
    }

    public static MemberKey of(long guild, long user) {
        return new MemberKey(GuildId.of(guild), UserId.of(user));
    }

    public static MemberKey parse(String text) {
        int colon = text == null ? -1 : text.indexOf(':');
        if (colon < 0) throw new InvalidValueException("error.id.malformed", "member", String.valueOf(text));
        return new MemberKey(GuildId.of(text.substring(0, colon)), UserId.of(text.substring(colon + 1)));
    }

    /** The aggregate identifier in the event store: {@code guild:user}. */
    @Override
    public String toString() {
        return guild + ":" + user;
    }
}
