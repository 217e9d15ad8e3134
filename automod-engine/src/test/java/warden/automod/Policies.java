package warden.automod;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import warden.common.ChannelId;
import warden.common.GuildId;
import warden.common.RoleId;
import warden.common.UserId;
import warden.config.PolicyDocument;

/** Test helpers: a policy with the given modules, and messages from an ordinary member. */
final class Policies {
    static final GuildId GUILD = GuildId.of(1001);
    static final ChannelId GENERAL = ChannelId.of(10);
    static final UserId MEMBER = UserId.of(500);
    static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
    private static final AtomicLong IDS = new AtomicLong(9000);

    private Policies() {}

    static PolicyDocument policy(AutomodSettings settings) {
        return new PolicyDocument(GUILD, 3, false, settings, List.of());
    }

    static AutomodSettings vocabulary(List<String> words, List<String> allowed, boolean censor) {
        return new AutomodSettings(
                new VocabularySettings(true, false, null, null, words, allowed, false, censor),
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null);
    }

    static ChatMessage message(String content) {
        return message(content, T0);
    }

    static ChatMessage message(String content, Instant at) {
        return new ChatMessage(
                Long.toString(IDS.incrementAndGet()),
                GUILD,
                GENERAL,
                MEMBER,
                Set.of(),
                false,
                false,
                content,
                Set.of(),
                Set.of(),
                false,
                at);
    }

    static ChatMessage from(
            UserId author, Set<RoleId> roles, boolean admin, boolean bot, ChannelId channel, String content) {
        return new ChatMessage(
                Long.toString(IDS.incrementAndGet()),
                GUILD,
                channel,
                author,
                roles,
                admin,
                bot,
                content,
                Set.of(),
                Set.of(),
                false,
                T0);
    }

    static ChatMessage mentioning(Set<UserId> users, Set<RoleId> roles, String content, Instant at) {
        return new ChatMessage(
                Long.toString(IDS.incrementAndGet()),
                GUILD,
                GENERAL,
                MEMBER,
                Set.of(),
                false,
                false,
                content,
                users,
                roles,
                false,
                at);
    }
}
