package warden.interserver;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.entities.Member;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.channel.middleman.GuildMessageChannel;
import net.dv8tion.jda.api.entities.emoji.Emoji;
import net.dv8tion.jda.api.exceptions.ErrorResponseException;
import net.dv8tion.jda.api.requests.ErrorResponse;
import net.dv8tion.jda.api.sharding.ShardManager;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;
import warden.automod.CompiledPolicies;
import warden.common.Actor;
import warden.common.ChannelId;
import warden.common.CommandRefusedException;
import warden.common.GuildId;
import warden.common.LocalizedException;
import warden.common.UserId;
import warden.discord.ConditionalOnDiscord;
import warden.discord.GuildTexts;
import warden.platform.Commands;

/**
 * What {@code !interserveur} and {@code /interserver} do: create a frequency (its secret goes by DM only), link a
 * channel with a secret, show a channel's link (with a trash can to unlink), unlink. Creating and linking need
 * Manage Channels; wrong secrets are rate-limited per member and per server; secrets never reach a log.
 */
@Component
@ConditionalOnDiscord
public class InterserverService {

    public static final Emoji TRASH = Emoji.fromUnicode("🗑️");
    private static final Logger log = LoggerFactory.getLogger(InterserverService.class);

    private final Commands commands;
    private final LinkDirectory links;
    private final GuildTexts texts;
    private final ShardManager shards;
    private final AttemptLimiter attempts;
    private final CompiledPolicies policies;
    /** Status messages carrying the trash can: message id -> the link they show. */
    private final Cache<Long, ActiveLink> statusMessages = Caffeine.newBuilder()
            .expireAfterWrite(Duration.ofHours(6))
            .maximumSize(100_000)
            .build();

    InterserverService(
            Commands commands,
            LinkDirectory links,
            GuildTexts texts,
            @Lazy ShardManager shards,
            AttemptLimiter attempts,
            CompiledPolicies policies) {
        this.attempts = attempts;
        this.policies = policies;
        this.commands = commands;
        this.links = links;
        this.texts = texts;
        this.shards = shards;
    }

    /**
     * A reply, as a message code and its arguments: posted in the channel in the server's language (prefix
     * command) or ephemerally in the member's (slash command).
     */
    public record Reply(String code, List<Object> args, boolean statusWithTrash, ActiveLink link) {
        static Reply of(String code, Object... args) {
            return new Reply(code, List.of(args), false, null);
        }

        public String text(GuildTexts texts, net.dv8tion.jda.api.interactions.DiscordLocale locale) {
            return texts.in(locale, code, args.toArray());
        }
    }

    public Reply create(GuildMessageChannel channel, Member member) {
        Guild guild = channel.getGuild();
        if (!member.hasPermission(channel, Permission.MANAGE_CHANNEL)) return refusedPermission();
        if (links.linkOf(ChannelId.of(channel.getIdLong())).isPresent()) return status(channel);
        if (atServerLimit(guild)) return refused(new CommandRefusedException("error.frequency.onePerServer"));
        String secret = FrequencySecret.generate();
        try {
            member.getUser()
                    .openPrivateChannel()
                    .flatMap(dm -> dm.sendMessage(
                            texts.in(guild, "interserver.dm.secret", secret, guild.getName(), channel.getName())))
                    .complete();
        } catch (ErrorResponseException e) {
            if (e.getErrorResponse() == ErrorResponse.CANNOT_SEND_TO_USER)
                return Reply.of("interserver.dm.closed", member.getAsMention());
            throw e;
        }
        commands.sendAndWait(new CreateFrequency(
                FrequencyKey.ofSecret(secret),
                GuildId.of(guild.getIdLong()),
                ChannelId.of(channel.getIdLong()),
                actor(member),
                Instant.now()));
        return Reply.of("interserver.created", member.getAsMention());
    }

    public Reply link(GuildMessageChannel channel, Member member, String secret) {
        Guild guild = channel.getGuild();
        if (!member.hasPermission(channel, Permission.MANAGE_CHANNEL)) return refusedPermission();
        if (attempts.blocked(guild.getIdLong(), member.getIdLong()))
            return refused(new CommandRefusedException("error.frequency.tooManyAttempts"));
        if (links.linkOf(ChannelId.of(channel.getIdLong())).isPresent())
            return refused(new CommandRefusedException("error.frequency.otherFrequency"));
        if (atServerLimit(guild)) return refused(new CommandRefusedException("error.frequency.onePerServer"));
        FrequencyKey key;
        try {
            key = FrequencyKey.ofSecret(secret);
        } catch (LocalizedException e) {
            attempts.failed(guild.getIdLong(), member.getIdLong());
            return refused(e);
        }
        try {
            commands.sendAndWait(new LinkChannel(
                    key,
                    GuildId.of(guild.getIdLong()),
                    ChannelId.of(channel.getIdLong()),
                    actor(member),
                    Instant.now()));
        } catch (AggregateNotFoundException e) {
            attempts.failed(guild.getIdLong(), member.getIdLong());
            log.info("Unknown frequency presented in guild {} by {}", guild.getId(), member.getId());
            return refused(new CommandRefusedException("error.frequency.unknown"));
        } catch (LocalizedException e) {
            return refused(e);
        } catch (org.axonframework.commandhandling.CommandExecutionException e) {
            if (e.getCause() instanceof LocalizedException cause) return refused(cause);
            throw e;
        }
        ActiveLink joined = new ActiveLink(key, GuildId.of(guild.getIdLong()), ChannelId.of(channel.getIdLong()));
        announce(joined, channel, guild);
        return Reply.of("interserver.linked", links.partnersOf(joined).size());
    }

    /** "#channel of Server joined the frequency", in every other channel of the frequency. */
    private void announce(ActiveLink joined, GuildMessageChannel channel, Guild guild) {
        for (ActiveLink partner : links.partnersOf(joined)) {
            GuildMessageChannel target = shards.getChannelById(
                    GuildMessageChannel.class, partner.channel().value());
            if (target == null) continue;
            target.sendMessage(texts.in(target.getGuild(), "interserver.joined", channel.getName(), guild.getName()))
                    .setAllowedMentions(List.of())
                    .queue(null, e -> log.warn("Could not announce a link in {}: {}", target.getId(), e.getMessage()));
        }
    }

    public Reply status(GuildMessageChannel channel) {
        Guild guild = channel.getGuild();
        Optional<ActiveLink> link = links.linkOf(ChannelId.of(channel.getIdLong()));
        if (link.isEmpty()) return Reply.of("error.frequency.notLinked");
        int partners = links.partnersOf(link.get()).size();
        return new Reply("interserver.status", List.of(link.get().frequency().shortId(), partners), true, link.get());
    }

    /** Remembers a posted status message and puts the trash can under it. */
    public void showTrash(Message statusMessage, ActiveLink link) {
        statusMessages.put(statusMessage.getIdLong(), link);
        statusMessage.addReaction(TRASH).queue(null, e -> log.warn("Could not add the trash can: {}", e.getMessage()));
    }

    public Optional<ActiveLink> statusLink(long messageId) {
        return Optional.ofNullable(statusMessages.getIfPresent(messageId));
    }

    public Reply unlink(GuildMessageChannel channel, Member member, UnlinkReason reason) {
        Guild guild = channel.getGuild();
        if (member != null && !member.hasPermission(channel, Permission.MANAGE_CHANNEL)) return refusedPermission();
        Optional<ActiveLink> link = links.linkOf(ChannelId.of(channel.getIdLong()));
        if (link.isEmpty()) return Reply.of("error.frequency.notLinked");
        unlink(link.get(), reason, member == null ? Actor.system("discord") : actor(member));
        return Reply.of("interserver.unlinked");
    }

    /** Unlinks without a member (channel deleted, Warden removed, webhook lost). */
    public void unlink(ActiveLink link, UnlinkReason reason, Actor by) {
        try {
            commands.sendAndWait(
                    new UnlinkChannel(link.frequency(), link.guild(), link.channel(), reason, by, Instant.now()));
        } catch (CommandRefusedException e) {
            log.debug("Channel {} was already unlinked", link.channel());
        }
    }

    /** One interserver channel per server, as DraftBot has it; premium servers have no limit. */
    private boolean atServerLimit(Guild guild) {
        GuildId id = GuildId.of(guild.getIdLong());
        return !links.ofGuild(id).isEmpty() && !policies.policy(id).premium();
    }

    private static Reply refusedPermission() {
        return Reply.of("command.error.permission", Permission.MANAGE_CHANNEL.getName());
    }

    private static Reply refused(LocalizedException e) {
        return Reply.of(e.code(), e.args());
    }

    private static Actor actor(Member member) {
        return Actor.moderator(UserId.of(member.getIdLong()));
    }
}
