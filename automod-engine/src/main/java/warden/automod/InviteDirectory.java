package warden.automod;

import java.util.Optional;
import java.util.Set;
import warden.common.GuildId;

/**
 * What Warden knows about invites, filled by the Discord adapter (the guild's own invites and vanity code, and
 * invites it has resolved). Offline (tests, backtests) it knows nothing, and every foreign invite is flagged.
 */
public interface InviteDirectory {
    InviteDirectory NONE = new InviteDirectory() {
        @Override
        public Set<String> ownCodes(GuildId guild) {
            return Set.of();
        }

        @Override
        public Optional<GuildId> guildOf(String code) {
            return Optional.empty();
        }
    };

    /** Lower-case codes of the guild's own invites. */
    Set<String> ownCodes(GuildId guild);

    /** The guild an invite leads to, when known. */
    Optional<GuildId> guildOf(String code);
}
