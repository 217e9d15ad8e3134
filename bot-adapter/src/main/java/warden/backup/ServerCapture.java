package warden.backup;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.entities.Member;
import net.dv8tion.jda.api.entities.PermissionOverride;
import net.dv8tion.jda.api.entities.Role;
import net.dv8tion.jda.api.entities.channel.attribute.IAgeRestrictedChannel;
import net.dv8tion.jda.api.entities.channel.attribute.ICategorizableChannel;
import net.dv8tion.jda.api.entities.channel.attribute.IPermissionContainer;
import net.dv8tion.jda.api.entities.channel.attribute.IPositionableChannel;
import net.dv8tion.jda.api.entities.channel.attribute.ISlowmodeChannel;
import net.dv8tion.jda.api.entities.channel.concrete.ForumChannel;
import net.dv8tion.jda.api.entities.channel.middleman.GuildChannel;
import net.dv8tion.jda.api.entities.channel.middleman.StandardGuildMessageChannel;
import warden.backup.ServerSnapshot.ChannelSnapshot;
import warden.backup.ServerSnapshot.OverwriteSnapshot;
import warden.backup.ServerSnapshot.RoleSnapshot;

/**
 * A server's structure as JDA sees it, as a {@link ServerSnapshot}. Roles a bot or integration manages are left out
 * (nobody can create them again); threads too (their messages are not backed up, so neither are they).
 */
final class ServerCapture {

    private ServerCapture() {}

    static ServerSnapshot capture(Guild guild, List<Member> members) {
        List<RoleSnapshot> roles = new ArrayList<>();
        for (Role role : guild.getRoles()) {
            if (role.isManaged()) continue;
            roles.add(new RoleSnapshot(
                    role.getId(),
                    role.getName(),
                    role.getColors().getPrimaryRaw(),
                    role.isHoisted(),
                    role.isMentionable(),
                    role.getPermissionsRaw(),
                    role.getPositionRaw(),
                    role.isPublicRole()));
        }
        List<ChannelSnapshot> channels = new ArrayList<>();
        for (GuildChannel channel : guild.getChannels()) channels.add(channel(channel));
        Map<String, List<String>> memberRoles = new TreeMap<>();
        for (Member member : members) {
            if (member.getUser().isBot()) continue;
            memberRoles.put(
                    member.getId(),
                    member.getRoles().stream()
                            .filter(r -> !r.isManaged())
                            .map(Role::getId)
                            .sorted()
                            .toList());
        }
        return new ServerSnapshot(
                guild.getName(),
                guild.getVerificationLevel().name(),
                guild.getSystemChannel() == null
                        ? null
                        : guild.getSystemChannel().getId(),
                roles,
                channels,
                memberRoles);
    }

    private static ChannelSnapshot channel(GuildChannel channel) {
        String parent = channel instanceof ICategorizableChannel c && c.getParentCategoryIdLong() != 0
                ? c.getParentCategoryId()
                : null;
        int position = channel instanceof IPositionableChannel p ? p.getPositionRaw() : 0;
        String topic = channel instanceof StandardGuildMessageChannel m
                ? m.getTopic()
                : channel instanceof ForumChannel f ? f.getTopic() : null;
        int slowmode = channel instanceof ISlowmodeChannel s ? s.getSlowmode() : 0;
        boolean nsfw = channel instanceof IAgeRestrictedChannel a && a.isNSFW();
        List<OverwriteSnapshot> overwrites = new ArrayList<>();
        if (channel instanceof IPermissionContainer container) {
            for (PermissionOverride o : container.getPermissionOverrides()) {
                overwrites.add(
                        new OverwriteSnapshot(o.getId(), o.isRoleOverride(), o.getAllowedRaw(), o.getDeniedRaw()));
            }
        }
        return new ChannelSnapshot(
                channel.getId(),
                channel.getName(),
                channel.getType().name(),
                parent,
                position,
                topic,
                slowmode,
                nsfw,
                overwrites);
    }
}
