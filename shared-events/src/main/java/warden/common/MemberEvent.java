package warden.common;

/** An event of one member's record: their history is built from these. */
public interface MemberEvent extends GuildEvent {
    MemberKey member();

    @Override
    default GuildId guild() {
        return member().guild();
    }
}
