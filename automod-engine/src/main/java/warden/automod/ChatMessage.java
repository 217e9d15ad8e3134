package warden.automod;

import java.time.Instant;
import java.util.Set;
import warden.common.ChannelId;
import warden.common.GuildId;
import warden.common.RoleId;
import warden.common.UserId;

/**
 * A message as the detection engine sees it: no JDA type, so the engine runs the same live, in tests, in
 * benchmarks and in backtests.
 *
 * @param mentionedUsers   users the message pings
 * @param mentionedRoles   roles the message pings
 * @param mentionsEveryone whether it pings @everyone or @here
 */
public record ChatMessage(
        String id,
        GuildId guild,
        ChannelId channel,
        UserId author,
        Set<RoleId> authorRoles,
        boolean authorIsAdmin,
        boolean authorIsBot,
        String content,
        Set<UserId> mentionedUsers,
        Set<RoleId> mentionedRoles,
        boolean mentionsEveryone,
        Instant timestamp) {

    public ChatMessage {
        authorRoles = authorRoles == null ? Set.of() : Set.copyOf(authorRoles);
        mentionedUsers = mentionedUsers == null ? Set.of() : Set.copyOf(mentionedUsers);
        mentionedRoles = mentionedRoles == null ? Set.of() : Set.copyOf(mentionedRoles);
        if (content == null) content = "";
    }

    public int mentionCount() {
        return mentionedUsers.size() + mentionedRoles.size() + (mentionsEveryone ? 1 : 0);
    }
}
