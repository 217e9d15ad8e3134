package warden.automod;

import java.time.Instant;
import java.util.stream.Collectors;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.entities.Member;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.Role;
import net.dv8tion.jda.api.entities.User;
import warden.common.ChannelId;
import warden.common.GuildId;
import warden.common.RoleId;
import warden.common.UserId;

/** JDA messages as the detection engine's neutral model. */
final class ChatMessages {
    private ChatMessages() {}

    static ChatMessage of(Message message, Member member) {
        User author = message.getAuthor();
        boolean bot = author.isBot() || author.isSystem() || message.isWebhookMessage();
        Instant at = (message.getTimeEdited() != null ? message.getTimeEdited() : message.getTimeCreated()).toInstant();
        return new ChatMessage(
                message.getId(),
                GuildId.of(message.getGuild().getIdLong()),
                ChannelId.of(message.getChannel().getIdLong()),
                UserId.of(author.getIdLong()),
                member == null
                        ? null
                        : member.getRoles().stream()
                                .map(Role::getIdLong)
                                .map(RoleId::of)
                                .collect(Collectors.toSet()),
                member != null && member.hasPermission(Permission.ADMINISTRATOR),
                bot,
                message.getContentRaw(),
                message.getMentions().getUsers().stream()
                        .map(u -> UserId.of(u.getIdLong()))
                        .collect(Collectors.toSet()),
                message.getMentions().getRoles().stream()
                        .map(r -> RoleId.of(r.getIdLong()))
                        .collect(Collectors.toSet()),
                message.getMentions().mentionsEveryone(),
                at);
    }
}
