package warden.modlog;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import net.dv8tion.jda.api.EmbedBuilder;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.MessageEmbed;
import net.dv8tion.jda.api.entities.channel.middleman.GuildMessageChannel;
import net.dv8tion.jda.api.events.message.MessageBulkDeleteEvent;
import net.dv8tion.jda.api.events.message.MessageDeleteEvent;
import net.dv8tion.jda.api.events.message.MessageReceivedEvent;
import net.dv8tion.jda.api.events.message.MessageUpdateEvent;
import net.dv8tion.jda.api.exceptions.ErrorResponseException;
import net.dv8tion.jda.api.exceptions.InsufficientPermissionException;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import net.dv8tion.jda.api.sharding.ShardManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Lazy;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import warden.common.GuildId;
import warden.common.Texts;
import warden.config.GuildPolicies;
import warden.discord.ConditionalOnDiscord;
import warden.discord.GuildTexts;

/**
 * The message log: a second channel, when the server names one ({@code messageLogChannel}), where deleted and edited
 * messages are shown with what they said and the names of their files. Discord's delete and update events carry no
 * content, so Warden keeps what members write in memory (Caffeine: at most {@code warden.message-log.cache-size}
 * messages, each for {@code warden.message-log.keep}) on the node that holds the server's shard, and only for
 * servers with a message log. A message sent before Warden saw it (before a restart, or older than that) is not
 * shown. Bots' messages, webhooks' and the log channel's own are left out.
 * <p>
 * Posts are grouped: every second, each server's pending entries go out ten embeds to a post (Discord's most), at most
 * one post per server and second, within the channel's rate limit; beyond {@link #MAX_PENDING} waiting entries the
 * oldest are dropped and the next post says how many.
 */
@Component
@ConditionalOnDiscord
public class MessageLog extends ListenerAdapter {

    private static final Logger log = LoggerFactory.getLogger(MessageLog.class);
    static final int EMBEDS_PER_POST = 10;
    static final int MAX_PENDING = 2_000;
    /** Discord's limits: an embed's description, a field's value. */
    private static final int DESCRIPTION = 3_800;

    private static final int FIELD = 1_000;

    record Seen(long channel, long author, String content, List<String> files, Instant sentAt, String link) {}

    private record Pending(Queue<MessageEmbed> embeds, AtomicInteger dropped) {}

    private final GuildPolicies policies;
    private final GuildTexts texts;
    private final ShardManager shards;
    private final Cache<Long, Seen> seen;
    private final Map<Long, Pending> pending = new ConcurrentHashMap<>();
    private final Set<Long> told = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService rounds = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "message-log");
        thread.setDaemon(true);
        return thread;
    });

    MessageLog(
            GuildPolicies policies,
            GuildTexts texts,
            @Lazy ShardManager shards,
            @Value("${warden.message-log.cache-size:200000}") long cacheSize,
            @Value("${warden.message-log.keep:P7D}") Duration keep) {
        this.policies = policies;
        this.texts = texts;
        this.shards = shards;
        this.seen = Caffeine.newBuilder()
                .maximumSize(cacheSize)
                .expireAfterWrite(keep)
                .build();
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        rounds.scheduleWithFixedDelay(this::round, 1, 1, TimeUnit.SECONDS);
    }

    @PreDestroy
    void stop() {
        rounds.shutdownNow();
    }

    private String logChannel(Guild guild) {
        return policies.current(GuildId.of(guild.getIdLong())).moderation().messageLogChannel();
    }

    /**
     * The log channel as this node already knows it, for JDA's threads, which must never wait for the event store: a
     * server whose policy no one here asked for yet (its first message, moderated on its lane, loads it) is skipped.
     */
    private String knownLogChannel(Guild guild) {
        return policies.ifKnown(GuildId.of(guild.getIdLong()))
                .map(policy -> policy.moderation().messageLogChannel())
                .orElse(null);
    }

    private boolean kept(Guild guild, Message message) {
        String logChannel = knownLogChannel(guild);
        return logChannel != null
                && !logChannel.equals(message.getChannel().getId())
                && !message.getAuthor().isBot()
                && !message.isWebhookMessage();
    }

    private static Seen seen(Message message) {
        return new Seen(
                message.getChannel().getIdLong(),
                message.getAuthor().getIdLong(),
                message.getContentRaw(),
                message.getAttachments().stream()
                        .map(Message.Attachment::getFileName)
                        .toList(),
                message.getTimeCreated().toInstant(),
                message.getJumpUrl());
    }

    @Override
    public void onMessageReceived(MessageReceivedEvent event) {
        if (!event.isFromGuild() || !kept(event.getGuild(), event.getMessage())) return;
        seen.put(event.getMessageIdLong(), seen(event.getMessage()));
    }

    @Override
    public void onMessageUpdate(MessageUpdateEvent event) {
        if (!event.isFromGuild() || !kept(event.getGuild(), event.getMessage())) return;
        Seen after = seen(event.getMessage());
        Seen before = seen.asMap().put(event.getMessageIdLong(), after);
        if (before == null || before.content().equals(after.content())) return; // unknown, or an embed appearing
        Guild guild = event.getGuild();
        queue(
                guild,
                new EmbedBuilder()
                        .setDescription(Texts.fit(
                                texts.in(
                                        guild,
                                        "messagelog.edited",
                                        "<#" + after.channel() + ">",
                                        "<@" + after.author() + ">",
                                        after.link()),
                                DESCRIPTION))
                        .addField(
                                texts.in(guild, "messagelog.before"), Texts.fit(orDash(before.content()), FIELD), false)
                        .addField(texts.in(guild, "messagelog.after"), Texts.fit(orDash(after.content()), FIELD), false)
                        .setTimestamp(Instant.now())
                        .build());
    }

    @Override
    public void onMessageDelete(MessageDeleteEvent event) {
        if (event.isFromGuild()) deleted(event.getGuild(), event.getMessageIdLong());
    }

    @Override
    public void onMessageBulkDelete(MessageBulkDeleteEvent event) {
        for (String id : event.getMessageIds()) deleted(event.getGuild(), Long.parseLong(id));
    }

    private void deleted(Guild guild, long messageId) {
        Seen gone = seen.asMap().remove(messageId);
        if (gone == null || knownLogChannel(guild) == null) return;
        EmbedBuilder embed = new EmbedBuilder()
                .setDescription(Texts.fit(
                        texts.in(guild, "messagelog.deleted", "<#" + gone.channel() + ">", "<@" + gone.author() + ">")
                                + "\n" + orDash(gone.content()),
                        DESCRIPTION))
                .setTimestamp(gone.sentAt());
        if (!gone.files().isEmpty())
            embed.addField(
                    texts.in(guild, "messagelog.files"), Texts.fit(String.join("\n", gone.files()), FIELD), false);
        queue(guild, embed.build());
    }

    private void queue(Guild guild, MessageEmbed embed) {
        Pending waiting = pending.computeIfAbsent(
                guild.getIdLong(), g -> new Pending(new ConcurrentLinkedQueue<>(), new AtomicInteger()));
        waiting.embeds().add(embed);
        while (waiting.embeds().size() > MAX_PENDING && waiting.embeds().poll() != null) {
            waiting.dropped().incrementAndGet();
        }
    }

    void round() {
        for (Map.Entry<Long, Pending> entry : pending.entrySet()) {
            try {
                post(entry.getKey(), entry.getValue());
            } catch (RuntimeException e) {
                log.warn(
                        "Message log round failed for guild {}, retried in a second: {}", entry.getKey(), e.toString());
            }
        }
    }

    private void post(long guildId, Pending waiting) {
        if (waiting.embeds().isEmpty()) return;
        Guild guild = shards.getGuildById(guildId);
        if (guild == null) return;
        String channelId = logChannel(guild);
        GuildMessageChannel channel =
                channelId == null ? null : guild.getChannelById(GuildMessageChannel.class, channelId);
        List<MessageEmbed> batch = new ArrayList<>();
        for (MessageEmbed embed;
                batch.size() < EMBEDS_PER_POST && (embed = waiting.embeds().poll()) != null; ) {
            batch.add(embed);
        }
        if (channel == null) {
            tellOnce(guild, channelId);
            waiting.embeds().clear();
            return;
        }
        int dropped = waiting.dropped().getAndSet(0);
        try {
            var post = channel.sendMessageEmbeds(batch).setAllowedMentions(List.of());
            if (dropped > 0) post = post.setContent(texts.in(guild, "messagelog.dropped", dropped));
            post.complete();
        } catch (InsufficientPermissionException e) {
            tellOnce(guild, channelId);
            waiting.embeds().clear();
        } catch (ErrorResponseException e) {
            if (e.isServerError()) { // Discord is down: the batch waits for the next round
                batch.forEach(waiting.embeds()::add);
                waiting.dropped().addAndGet(dropped);
                return;
            }
            tellOnce(guild, channelId);
            waiting.embeds().clear();
        }
    }

    private void tellOnce(Guild guild, String channel) {
        if (!told.add(guild.getIdLong())) return;
        guild.retrieveOwner()
                .flatMap(owner -> owner.getUser().openPrivateChannel())
                .flatMap(dm -> dm.sendMessage(texts.in(
                        guild, "messagelog.cannotPost", guild.getName(), channel == null ? "-" : "<#" + channel + ">")))
                .queue(
                        null,
                        error -> log.info(
                                "Could not tell the owner of {} that the message log cannot be posted", guild.getId()));
    }

    private static String orDash(String text) {
        return text == null || text.isBlank() ? "-" : text;
    }
}
