package warden.interserver;

import java.util.List;
import java.util.Locale;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.entities.Member;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.channel.middleman.GuildMessageChannel;
import net.dv8tion.jda.api.events.channel.ChannelDeleteEvent;
import net.dv8tion.jda.api.events.guild.GuildLeaveEvent;
import net.dv8tion.jda.api.events.message.MessageReceivedEvent;
import net.dv8tion.jda.api.events.message.react.MessageReactionAddEvent;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import warden.common.Actor;
import warden.common.ChannelId;
import warden.common.GuildId;
import warden.discord.ConditionalOnDiscord;
import warden.discord.GuildTexts;
import warden.discord.GuildWork;

/**
 * The documented prefix command {@code !interserveur [frequency]}, the trash-can reaction, and the automatic
 * unlinks: a deleted channel, a server Warden was removed from. The message that carried a secret is deleted at
 * once, so the frequency does not stay readable in the channel.
 */
@Component
@ConditionalOnDiscord
class InterserverListener extends ListenerAdapter {

    private static final Logger log = LoggerFactory.getLogger(InterserverListener.class);
    private static final List<String> PREFIXES = List.of("!interserveur", "!interserver");

    private final InterserverService service;
    private final LinkDirectory links;
    private final GuildTexts texts;
    /** Commands wait on Discord and on the event store: on the guild's lane, off the gateway thread. */
    private final GuildWork work;

    InterserverListener(InterserverService service, LinkDirectory links, GuildTexts texts, GuildWork work) {
        this.service = service;
        this.links = links;
        this.texts = texts;
        this.work = work;
    }

    @Override
    public void onMessageReceived(MessageReceivedEvent event) {
        if (!event.isFromGuild() || event.getAuthor().isBot() || event.isWebhookMessage() || event.getMember() == null)
            return;
        String content = event.getMessage().getContentRaw().strip();
        String lower = content.toLowerCase(Locale.ROOT);
        String prefix = PREFIXES.stream()
                .filter(p -> lower.equals(p) || lower.startsWith(p + " "))
                .findFirst()
                .orElse(null);
        if (prefix == null) return;
        String argument = content.substring(prefix.length()).strip();
        GuildMessageChannel channel = event.getGuildChannel();
        Member member = event.getMember();
        Message message = event.getMessage();
        work.run(channel.getGuild().getIdLong(), "!interserveur", () -> {
            try {
                InterserverService.Reply reply;
                if (argument.isEmpty()) {
                    reply = service.create(channel, member);
                } else {
                    if (channel.getGuild().getSelfMember().hasPermission(channel, Permission.MESSAGE_MANAGE)) {
                        message.delete()
                                .reason(texts.in(channel.getGuild(), "audit.frequencyMessage"))
                                .queue(null, e -> {});
                    }
                    reply = service.link(channel, member, argument);
                }
                channel.sendMessage(reply.text(texts, channel.getGuild().getLocale()))
                        .setAllowedMentions(List.of(Message.MentionType.USER))
                        .queue(
                                posted -> {
                                    if (reply.statusWithTrash()) service.showTrash(posted, reply.link());
                                },
                                e -> log.warn(
                                        "Could not answer !interserveur in {}: {}", channel.getId(), e.getMessage()));
            } catch (RuntimeException e) {
                log.error("!interserveur failed in channel {}", channel.getId(), e);
            }
        });
    }

    @Override
    public void onMessageReactionAdd(MessageReactionAddEvent event) {
        if (!event.isFromGuild() || !event.getEmoji().equals(InterserverService.TRASH)) return;
        if (event.getUserIdLong() == event.getJDA().getSelfUser().getIdLong()) return;
        service.statusLink(event.getMessageIdLong()).ifPresent(link -> {
            Member member = event.getMember();
            if (member == null || !member.hasPermission(event.getGuildChannel(), Permission.MANAGE_CHANNEL)) return;
            GuildMessageChannel channel = event.getGuildChannel();
            work.run(channel.getGuild().getIdLong(), "interserver-trash", () -> {
                InterserverService.Reply reply = service.unlink(channel, member, UnlinkReason.TRASH_REACTION);
                channel.sendMessage(reply.text(texts, channel.getGuild().getLocale()))
                        .setAllowedMentions(List.of())
                        .queue(null, e -> {});
            });
        });
    }

    @Override
    public void onChannelDelete(ChannelDeleteEvent event) {
        if (!event.isFromGuild()) return;
        ChannelId channel = ChannelId.of(event.getChannel().getIdLong());
        work.run(
                event.getGuild().getIdLong(),
                "interserver-channel-deleted",
                () -> links.linkOf(channel)
                        .ifPresent(
                                link -> service.unlink(link, UnlinkReason.CHANNEL_DELETED, Actor.system("discord"))));
    }

    @Override
    public void onGuildLeave(GuildLeaveEvent event) {
        GuildId guild = GuildId.of(event.getGuild().getIdLong());
        work.run(
                guild.value(),
                "interserver-guild-left",
                () -> links.ofGuild(guild)
                        .forEach(l -> service.unlink(l, UnlinkReason.BOT_REMOVED, Actor.system("discord"))));
    }
}
