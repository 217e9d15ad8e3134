package warden.discord;

import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.events.session.ReadyEvent;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import warden.common.LocalizedException;
import warden.interserver.InterserverService;
import warden.interserver.UnlinkReason;
import warden.automod.AutomodCommands;
import warden.sanctions.ModerationCommands;

/**
 * Registers Warden's slash commands and runs them: the caller's permission is checked first (Discord's default
 * permissions can be changed by a server), then the command; every answer is ephemeral and in the caller's
 * language, refusals included.
 */
@Component
@ConditionalOnDiscord
class SlashCommandListener extends ListenerAdapter {

    private static final Logger log = LoggerFactory.getLogger(SlashCommandListener.class);

    private final ModerationCommands moderation;
    private final AutomodCommands automod;
    private final InterserverService interserver;
    private final GuildTexts texts;

    SlashCommandListener(ModerationCommands moderation, AutomodCommands automod, InterserverService interserver, GuildTexts texts) {
        this.moderation = moderation;
        this.automod = automod;
        this.interserver = interserver;
        this.texts = texts;
    }

    @Override
    public void onReady(ReadyEvent event) {
        if (event.getJDA().getShardInfo().getShardId() != 0) return; // global commands: registered once
        event.getJDA().updateCommands().addCommands(SlashCommandCatalog.all())
                .queue(done -> log.info("Registered {} slash commands", done.size()),
                        error -> log.warn("Could not register slash commands: {}", error.getMessage()));
    }

    @Override
    public void onSlashCommandInteraction(SlashCommandInteractionEvent event) {
        if (event.getGuild() == null || event.getMember() == null) return;
        Permission required = SlashCommandCatalog.required(event.getName());
        if (!event.getMember().hasPermission(required)) {
            reply(event, texts.in(event.getUserLocale(), "command.error.permission", required.getName()));
            return;
        }
        try {
            if (event.getName().equals("interserver")) {
                interserver(event);
                return;
            }
            String answer = switch (event.getName()) {
                case "automod", "sanction-rule" -> automod.run(event);
                default -> moderation.run(event);
            };
            reply(event, answer);
        } catch (LocalizedException e) {
            reply(event, texts.in(event.getUserLocale(), e));
        } catch (CommandExecutionException e) {
            if (e.getCause() instanceof LocalizedException cause) reply(event, texts.in(event.getUserLocale(), cause));
            else failed(event, e);
        } catch (AggregateNotFoundException e) {
            reply(event, texts.in(event.getUserLocale(), "error.record.unknown"));
        } catch (RuntimeException e) {
            failed(event, e);
        }
    }

    /** Creating and linking wait on Discord (the DM) and the event store: the answer is deferred. */
    private void interserver(SlashCommandInteractionEvent event) {
        var channel = event.getGuildChannel();
        var member = event.getMember();
        String sub = event.getSubcommandName();
        event.deferReply(true).submit().thenAcceptAsync(hook -> {
            InterserverService.Reply reply;
            try {
                reply = switch (sub) {
                    case "create" -> interserver.create(channel, member);
                    case "link" -> interserver.link(channel, member, event.getOption("frequency").getAsString());
                    case "unlink" -> interserver.unlink(channel, member, UnlinkReason.COMMAND);
                    default -> interserver.status(channel);
                };
            } catch (RuntimeException e) {
                log.error("/interserver {} failed", sub, e);
                reply = new InterserverService.Reply("error.internal", java.util.List.of(), false, null);
            }
            hook.editOriginal(reply.text(texts, event.getUserLocale())).queue();
        }, slow);
    }

    /** Commands that wait on Discord and the event store run here, never on JDA's threads. */
    private final java.util.concurrent.ExecutorService slow = java.util.concurrent.Executors.newFixedThreadPool(2, r -> {
        Thread t = new Thread(r, "slash-commands");
        t.setDaemon(true);
        return t;
    });

    private void failed(SlashCommandInteractionEvent event, RuntimeException e) {
        log.error("Slash command /{} failed", event.getFullCommandName(), e);
        reply(event, texts.in(event.getUserLocale(), "error.internal"));
    }

    private static void reply(SlashCommandInteractionEvent event, String text) {
        String bounded = text.length() > 1900 ? text.substring(0, 1900) + "…" : text;
        event.reply(bounded).setEphemeral(true).setAllowedMentions(java.util.List.of()).queue();
    }
}
