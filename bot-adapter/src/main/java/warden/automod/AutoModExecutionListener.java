package warden.automod;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import net.dv8tion.jda.api.entities.automod.AutoModResponse;
import net.dv8tion.jda.api.events.automod.AutoModExecutionEvent;
import net.dv8tion.jda.api.events.session.ReadyEvent;
import net.dv8tion.jda.api.events.session.SessionRecreateEvent;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import warden.common.Actor;
import warden.common.GuildId;
import warden.common.MemberKey;
import warden.common.UserId;
import warden.config.GuildPolicies;
import warden.discord.ConditionalOnDiscord;
import warden.discord.GuildTexts;
import warden.discord.GuildWork;
import warden.platform.Commands;
import warden.sanctions.Evidence;
import warden.sanctions.InfractionId;
import warden.sanctions.InfractionType;
import warden.sanctions.RecordInfraction;

/**
 * A message Discord's native AutoMod blocked under one of Warden's rules never reaches Warden as a message: the
 * execution event is recorded as the module's infraction instead. One blocked message fires one event per action;
 * only the block itself is recorded. A blocked message has no id, and the same insult blocked three times is three
 * infractions: the id is the execution's own, its place in the shard's gateway session (the sequence number, which a
 * resumed session replays unchanged), so only a redelivery of the same event records nothing more.
 * <p>
 * A block under one of the server's own rules is recorded too when the server asks for it
 * ({@code recordServerAutoMod}): as vocabulary, spam or mentions by the rule's trigger, with the rule's name.
 */
@Component
@ConditionalOnDiscord
class AutoModExecutionListener extends ListenerAdapter {

    private static final Logger log = LoggerFactory.getLogger(AutoModExecutionListener.class);

    private final NativeAutoModSync sync;
    private final Commands commands;
    private final GuildTexts texts;
    private final GuildWork work;
    private final GuildPolicies policies;
    /** This node's run, and each shard's session in it: with the sequence number, they name one gateway event. */
    private final String run = Long.toString(System.currentTimeMillis(), 36);

    private final Map<Integer, AtomicLong> sessions = new ConcurrentHashMap<>();

    AutoModExecutionListener(
            NativeAutoModSync sync, Commands commands, GuildTexts texts, GuildWork work, GuildPolicies policies) {
        this.work = work;
        this.policies = policies;
        this.sync = sync;
        this.commands = commands;
        this.texts = texts;
    }

    @Override
    public void onReady(ReadyEvent event) {
        newSession(event.getJDA());
    }

    @Override
    public void onSessionRecreate(SessionRecreateEvent event) {
        newSession(event.getJDA()); // a new session numbers its events from 1 again; a resumed one keeps them
    }

    private void newSession(net.dv8tion.jda.api.JDA jda) {
        sessions.computeIfAbsent(jda.getShardInfo().getShardId(), shard -> new AtomicLong())
                .incrementAndGet();
    }

    @Override
    public void onAutoModExecution(AutoModExecutionEvent event) {
        if (event.getResponse().getType() != AutoModResponse.Type.BLOCK_MESSAGE) return;
        int shard = event.getJDA().getShardInfo().getShardId();
        String execution = run + "." + shard + "."
                + sessions.computeIfAbsent(shard, s -> new AtomicLong()).get() + "." + event.getResponseNumber();
        sync.moduleOf(event.getRuleIdLong(), event.getGuild())
                .whenCompleteAsync(
                        (module, error) -> {
                            if (error != null)
                                log.warn("Could not find AutoMod rule {}: {}", event.getRuleId(), error.getMessage());
                            else if (module.isPresent()) record(event, module.get(), execution);
                            else if (policies.current(
                                            GuildId.of(event.getGuild().getIdLong()))
                                    .moderation()
                                    .recordServerAutoMod()) recordServerRule(event, execution);
                        },
                        work.executor(event.getGuild().getIdLong(), "automod-block"));
    }

    private void record(AutoModExecutionEvent event, AutomodModule module, String execution) {
        record(
                event,
                execution,
                module.infractionType(),
                Actor.automod(module.key()),
                texts.stored("automod.reason.blocked"),
                "discord-automod");
    }

    /** A block under a rule the server made itself: its name said, its trigger telling the kind of infraction. */
    private void recordServerRule(AutoModExecutionEvent event, String execution) {
        InfractionType type = switch (event.getTriggerType()) {
            case KEYWORD, KEYWORD_PRESET, MEMBER_PROFILE_KEYWORD -> InfractionType.VOCABULARY;
            case SPAM -> InfractionType.SPAM;
            case MENTION_SPAM -> InfractionType.MENTIONS;
            default -> null;
        };
        if (type == null) return;
        String name =
                sync.ruleName(event.getRuleIdLong(), event.getGuild()).join().orElse(event.getRuleId());
        record(
                event,
                execution,
                type,
                Actor.automod("discord"),
                texts.stored("automod.reason.serverRule", name),
                "discord-automod-server");
    }

    private void record(
            AutoModExecutionEvent event,
            String execution,
            InfractionType type,
            Actor by,
            String reason,
            String revealedBy) {
        String content = event.getContent() == null ? "" : event.getContent();
        String channel = event.getChannel() == null ? null : event.getChannel().getId();
        InfractionId id = InfractionId.of("automod:" + event.getRuleId() + ":" + event.getUserId() + ":" + execution);
        String matched = event.getMatchedContent() == null ? "" : event.getMatchedContent();
        int at = content.indexOf(matched);
        List<Evidence.Span> spans = matched.isEmpty() || at < 0
                ? List.of()
                : List.of(new Evidence.Span(
                        at, at + matched.length(), matched, String.valueOf(event.getMatchedKeyword())));
        RecordInfraction command = new RecordInfraction(
                new MemberKey(GuildId.of(event.getGuild().getIdLong()), UserId.of(event.getUserIdLong())),
                id,
                type,
                by,
                reason,
                new Evidence(channel, null, content, spans, List.of(revealedBy), null),
                Instant.now(),
                null);
        commands.sendAndWait(command);
    }
}
