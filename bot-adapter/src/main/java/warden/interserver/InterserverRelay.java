package warden.interserver;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.stream.Collectors;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.entities.Member;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.channel.middleman.StandardGuildMessageChannel;
import net.dv8tion.jda.api.events.message.MessageDeleteEvent;
import net.dv8tion.jda.api.events.message.MessageReceivedEvent;
import net.dv8tion.jda.api.events.message.MessageUpdateEvent;
import net.dv8tion.jda.api.exceptions.ErrorResponseException;
import net.dv8tion.jda.api.exceptions.InsufficientPermissionException;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import net.dv8tion.jda.api.requests.ErrorResponse;
import net.dv8tion.jda.api.sharding.ShardManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;
import warden.automod.CompiledPolicies;
import warden.automod.UserContentModerator;
import warden.common.Actor;
import warden.common.ChannelId;
import warden.common.GuildId;
import warden.config.PolicyDocument;
import warden.discord.ChannelWebhooks;
import warden.discord.ConditionalOnDiscord;
import warden.discord.DiscordProperties;
import warden.discord.GuildTexts;
import warden.discord.GuildWork;
import warden.discord.MessageVerdicts;

/**
 * Relays every human message of a linked channel to the other channels of its frequency, through Warden's webhook
 * in each, under the author's name (with their server's) and avatar. No mention ever fires on the other side,
 * attachments become links, bots and webhooks (Warden's own copies included) are never relayed, and the
 * destination server's user-content moderation applies. Edits and deletions follow the copies through the relay
 * map in PostgreSQL. JDA queues each webhook's requests and honours Discord's rate limits per webhook.
 */
@Component
@ConditionalOnDiscord
class InterserverRelay extends ListenerAdapter {

    private static final Logger log = LoggerFactory.getLogger(InterserverRelay.class);
    private static final int MAX_NAME = 80;
    private static final int MAX_CONTENT = 2000;

    private final LinkDirectory links;
    private final ChannelWebhooks webhooks;
    private final RelayMap relays;
    private final RelayDeletes deletes;
    private final UserContentModerator moderator;
    private final CompiledPolicies policies;
    private final InterserverService service;
    private final GuildTexts texts;
    private final ShardManager shards;
    private final GuildWork work;
    private final DiscordProperties properties;
    private final RelayCooldown cooldown;
    private final Counter elsewhere;
    private final Counter refused;
    private final Counter held;
    private final Counter withheld;
    private final MessageVerdicts verdicts;
    private static final java.util.Set<ErrorResponse> WEBHOOK_GONE = java.util.EnumSet.of(
            ErrorResponse.UNKNOWN_WEBHOOK,
            ErrorResponse.MISSING_PERMISSIONS,
            ErrorResponse.MISSING_ACCESS,
            ErrorResponse.UNKNOWN_CHANNEL);

    InterserverRelay(
            LinkDirectory links,
            ChannelWebhooks webhooks,
            RelayMap relays,
            RelayDeletes deletes,
            UserContentModerator moderator,
            CompiledPolicies policies,
            InterserverService service,
            GuildTexts texts,
            @Lazy ShardManager shards,
            GuildWork work,
            MeterRegistry meters,
            DiscordProperties properties,
            MessageVerdicts verdicts) {
        this.verdicts = verdicts;
        this.withheld = Counter.builder("warden.interserver.relay.withheld")
                .description("messages not relayed because the source server's automod removed them")
                .register(meters);
        this.work = work;
        this.deletes = deletes;
        this.properties = properties;
        this.cooldown = new RelayCooldown(
                properties.interserverCooldown(), com.github.benmanes.caffeine.cache.Ticker.systemTicker());
        this.elsewhere = Counter.builder("warden.interserver.relay.elsewhere")
                .description("copies not relayed because the destination guild is on a shard another node holds")
                .register(meters);
        this.held = Counter.builder("warden.interserver.relay.cooldown")
                .description("messages not relayed because their author wrote again within the cooldown")
                .register(meters);
        this.refused = Counter.builder("warden.interserver.relay.refused")
                .description("copies Discord refused (content, name); the link stays")
                .register(meters);
        this.links = links;
        this.webhooks = webhooks;
        this.relays = relays;
        this.moderator = moderator;
        this.policies = policies;
        this.service = service;
        this.texts = texts;
        this.shards = shards;
    }

    @Override
    public void onMessageReceived(MessageReceivedEvent event) {
        if (!relayable(event.isFromGuild(), event.getMessage()) || isCommand(event.getMessage())) return;
        Message message = event.getMessage();
        Member member = event.getMember();
        long source = event.getGuild().getIdLong();
        // a message the source server's automod removes is never relayed: the relay waits for its verdict
        verdicts.whenDecided(message.getIdLong(), removed -> {
            if (removed) {
                withheld.increment();
            } else if (!deletes.gone(message.getIdLong())) {
                work.run(source, "relay", () -> relay(message, member, source));
            }
        });
    }

    private void relay(Message message, Member member, long source) {
        Optional<ActiveLink> link =
                links.linkOf(ChannelId.of(message.getChannel().getIdLong()));
        if (link.isEmpty()) return;
        RelayCooldown.Verdict verdict = cooldown.check(
                message.getChannel().getIdLong(), message.getAuthor().getIdLong());
        if (verdict != RelayCooldown.Verdict.RELAY) {
            held.increment();
            if (verdict == RelayCooldown.Verdict.HOLD_AND_TELL) tellToSlowDown(message);
            return;
        }
        String text = text(message);
        if (text.isBlank()) return;
        String displayName =
                member != null ? member.getEffectiveName() : message.getAuthor().getEffectiveName();
        String avatar = member != null
                ? member.getEffectiveAvatarUrl()
                : message.getAuthor().getEffectiveAvatarUrl();
        List<String> blockedIn = new java.util.ArrayList<>();
        java.util.Set<String> reasons = new java.util.LinkedHashSet<>();
        java.util.Set<String> spans = new java.util.LinkedHashSet<>();
        for (ActiveLink partner : links.partnersOf(link.get())) {
            StandardGuildMessageChannel target = shards.getChannelById(
                    StandardGuildMessageChannel.class, partner.channel().value());
            if (target == null) { // a guild on a shard another node holds: not relayed yet (see README)
                elsewhere.increment();
                continue;
            }
            // the destination's user-content moderation applies to what the author wrote and to the name they show
            PolicyDocument destination = policies.policy(partner.guild());
            UserContentModerator.Result body = moderator.check(text, destination);
            UserContentModerator.Result author = moderator.check(displayName, destination);
            if (!body.allowed() || !author.allowed()) {
                blockedIn.add(target.getGuild().getName());
                for (UserContentModerator.Result r : List.of(body, author)) {
                    reasons.addAll(r.reasonCodes());
                    r.spans().forEach(span -> spans.add(span.text()));
                }
                continue;
            }
            String name = username(author.text(), message.getGuild());
            String content = body.text();
            try {
                webhooks.send(target, name, avatar, content)
                        .whenCompleteAsync(
                                (sent, error) -> {
                                    if (error == null) {
                                        relays.remember(
                                                message.getIdLong(),
                                                new RelayMap.Copy(
                                                        target.getIdLong(),
                                                        sent.message().getIdLong(),
                                                        sent.webhookId()));
                                        // deleted while the copy was on its way: the deletion found no copy yet
                                        if (deletes.gone(message.getIdLong())) deletes.deleted(message.getIdLong());
                                    } else {
                                        lost(partner, target, error);
                                    }
                                },
                                work.executor(source, "relay-copy"));
            } catch (RuntimeException e) { // one channel's trouble never stops the copies to the others
                log.warn("Relay to channel {} failed: {}", target.getId(), e.getMessage());
            }
        }
        if (!blockedIn.isEmpty()) tellBlocked(message, blockedIn, reasons, spans);
    }

    /** A copy refused by a destination's user-content moderation (block mode): the author hears why, by DM. */
    private void tellBlocked(
            Message message,
            List<String> servers,
            java.util.Collection<String> reasonCodes,
            java.util.Collection<String> spans) {
        Guild guild = message.getGuild();
        String why = reasonCodes.stream()
                .map(code -> texts.in(guild, code))
                .distinct()
                .collect(Collectors.joining(" "));
        String what = spans.stream().map(span -> "« " + span + " »").collect(Collectors.joining(", "));
        String notice = texts.in(
                guild, "interserver.blocked", message.getChannel().getName(), String.join(", ", servers), why, what);
        message.getAuthor()
                .openPrivateChannel()
                .flatMap(dm -> dm.sendMessage(notice).setAllowedMentions(List.of()))
                .queue(
                        null,
                        e -> log.debug(
                                "Could not tell {} why a copy was refused: {}",
                                message.getAuthor().getId(),
                                e.getMessage()));
    }

    @Override
    public void onMessageUpdate(MessageUpdateEvent event) {
        if (!relayable(event.isFromGuild(), event.getMessage())) return;
        Message message = event.getMessage();
        work.run(event.getGuild().getIdLong(), "relay-edit", () -> relayEdit(message));
    }

    private void relayEdit(Message message) {
        String text = text(message);
        for (RelayMap.Copy copy : relays.copiesOf(message.getIdLong())) {
            StandardGuildMessageChannel target =
                    shards.getChannelById(StandardGuildMessageChannel.class, copy.channelId());
            if (target == null) continue;
            moderated(text, GuildId.of(target.getGuild().getIdLong()))
                    .ifPresent(content -> webhooks.edit(target, copy.webhookId(), copy.messageId(), content)
                            .whenCompleteAsync(
                                    (m, e) -> {
                                        if (e != null) cannotFollow(message.getIdLong(), copy, e);
                                    },
                                    work.executor(target.getGuild().getIdLong(), "relay-edit-outcome")));
        }
    }

    @Override
    public void onMessageDelete(MessageDeleteEvent event) {
        if (event.isFromGuild()) deletes.deleted(event.getMessageIdLong());
    }

    private void cannotFollow(long source, RelayMap.Copy copy, Throwable error) {
        Throwable cause = error instanceof CompletionException c && c.getCause() != null ? c.getCause() : error;
        if (cause instanceof ChannelWebhooks.WebhookGone) {
            log.info("Relayed copy {} can no longer be followed: its webhook is gone", copy.messageId());
            relays.unfollowable(source, copy);
        } else {
            log.warn("Could not edit relayed copy {}: {}", copy.messageId(), cause.getMessage());
        }
    }

    /** Human messages only: no bot, no webhook (Warden's own copies are webhook messages), no system message. */
    /** A short-lived notice to the member, once per cooldown: the message stays here but was not relayed. */
    private void tellToSlowDown(Message message) {
        String notice = message.getAuthor().getAsMention() + " "
                + texts.in(message.getGuild(), "interserver.cooldown", cooldown.cooldownSeconds());
        try {
            message.getChannel()
                    .sendMessage(notice)
                    .setAllowedMentions(java.util.EnumSet.of(Message.MentionType.USER))
                    .mention(message.getAuthor())
                    .queue(
                            reply -> reply.delete()
                                    .queueAfter(
                                            properties.replyTtl().toMillis(),
                                            java.util.concurrent.TimeUnit.MILLISECONDS,
                                            null,
                                            e -> log.debug("Cooldown notice {} already gone", reply.getId())),
                            e -> log.warn(
                                    "Could not post the cooldown notice in {}: {}",
                                    message.getChannel().getId(),
                                    e.getMessage()));
        } catch (InsufficientPermissionException e) {
            log.debug(
                    "No permission to post the cooldown notice in {}",
                    message.getChannel().getId());
        }
    }

    private static boolean relayable(boolean fromGuild, Message message) {
        return fromGuild
                && !message.getAuthor().isBot()
                && !message.getAuthor().isSystem()
                && !message.isWebhookMessage();
    }

    private static boolean isCommand(Message message) {
        String lower = message.getContentRaw().strip().toLowerCase(java.util.Locale.ROOT);
        return lower.startsWith("!interserveur") || lower.startsWith("!interserver");
    }

    private static String text(Message message) {
        String attachments = message.getAttachments().stream()
                .map(Message.Attachment::getUrl)
                .collect(Collectors.joining("\n"));
        String text = attachments.isEmpty() ? message.getContentRaw() : message.getContentRaw() + "\n" + attachments;
        return text.length() > MAX_CONTENT ? text.substring(0, MAX_CONTENT - 1) + "…" : text;
    }

    private static String username(String displayName, Guild guild) {
        String name = displayName + " · " + guild.getName();
        return name.length() > MAX_NAME ? name.substring(0, MAX_NAME - 1) + "…" : name;
    }

    /** The destination server's user-content moderation: refused (not relayed) or masked. */
    private Optional<String> moderated(String text, GuildId destination) {
        if (text.isBlank()) return Optional.empty();
        UserContentModerator.Result result = moderator.check(text, policies.policy(destination));
        return result.allowed() ? Optional.of(result.text()) : Optional.empty();
    }

    /**
     * The webhook could not be used even after recreating it (unknown webhook, or Warden may no longer manage
     * webhooks there): the link pauses (is removed) with a notice. A copy Discord refused for its own content or
     * name is only skipped: the link stays.
     */
    private void lost(ActiveLink partner, StandardGuildMessageChannel target, Throwable error) {
        Throwable cause = error instanceof CompletionException c && c.getCause() != null ? c.getCause() : error;
        boolean permanent = cause instanceof InsufficientPermissionException
                || (cause instanceof ErrorResponseException e && WEBHOOK_GONE.contains(e.getErrorResponse()));
        log.warn("Relay to channel {} failed: {}", target.getId(), cause.getMessage());
        if (!permanent) {
            refused.increment();
            return;
        }
        service.unlink(partner, UnlinkReason.WEBHOOK_LOST, Actor.system("warden"));
        target.sendMessage(texts.in(target.getGuild(), "interserver.webhookLost"))
                .queue(null, e -> {});
    }
}
