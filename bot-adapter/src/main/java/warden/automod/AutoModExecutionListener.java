package warden.automod;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import net.dv8tion.jda.api.entities.automod.AutoModResponse;
import net.dv8tion.jda.api.events.automod.AutoModExecutionEvent;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import warden.common.Actor;
import warden.common.GuildId;
import warden.common.MemberKey;
import warden.common.UserId;
import warden.discord.ConditionalOnDiscord;
import warden.discord.GuildTexts;
import warden.discord.GuildWork;
import warden.platform.Commands;
import warden.sanctions.Evidence;
import warden.sanctions.InfractionId;
import warden.sanctions.RecordInfraction;

/**
 * A message Discord's native AutoMod blocked under one of Warden's rules never reaches Warden as a message: the
 * execution event is recorded as the module's infraction instead. One blocked message fires one event per action;
 * only the block itself is recorded, under an id drawn from the rule, the member and the content, so a repeat of
 * the event records nothing more.
 */
@Component
@ConditionalOnDiscord
class AutoModExecutionListener extends ListenerAdapter {

    private static final Logger log = LoggerFactory.getLogger(AutoModExecutionListener.class);

    private final NativeAutoModSync sync;
    private final Commands commands;
    private final GuildTexts texts;
    private final GuildWork work;

    AutoModExecutionListener(NativeAutoModSync sync, Commands commands, GuildTexts texts, GuildWork work) {
        this.work = work;
        this.sync = sync;
        this.commands = commands;
        this.texts = texts;
    }

    @Override
    public void onAutoModExecution(AutoModExecutionEvent event) {
        if (event.getResponse().getType() != AutoModResponse.Type.BLOCK_MESSAGE) return;
        sync.moduleOf(event.getRuleIdLong(), event.getGuild())
                .whenCompleteAsync(
                        (module, error) -> {
                            if (error != null)
                                log.warn("Could not find AutoMod rule {}: {}", event.getRuleId(), error.getMessage());
                            else
                                module.ifPresent(
                                        m -> record(event, m)); // otherwise a rule of the server's own, not Warden's
                        },
                        work.executor(event.getGuild().getIdLong(), "automod-block"));
    }

    private void record(AutoModExecutionEvent event, AutomodModule module) {
        String content = event.getContent() == null ? "" : event.getContent();
        String channel = event.getChannel() == null ? null : event.getChannel().getId();
        InfractionId id = InfractionId.of(
                "automod:" + event.getRuleId() + ":" + event.getUserId() + ":" + digest(channel + "\n" + content));
        String matched = event.getMatchedContent() == null ? "" : event.getMatchedContent();
        int at = content.indexOf(matched);
        List<Evidence.Span> spans = matched.isEmpty() || at < 0
                ? List.of()
                : List.of(new Evidence.Span(
                        at, at + matched.length(), matched, String.valueOf(event.getMatchedKeyword())));
        RecordInfraction command = new RecordInfraction(
                new MemberKey(GuildId.of(event.getGuild().getIdLong()), UserId.of(event.getUserIdLong())),
                id,
                module.infractionType(),
                Actor.automod(module.key()),
                texts.stored("automod.reason.blocked"),
                new Evidence(channel, null, content, spans, List.of("discord-automod"), null),
                Instant.now(),
                null);
        commands.sendAndWait(command);
    }

    private static String digest(String text) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
