package warden.discord;

import net.dv8tion.jda.api.events.interaction.command.CommandAutoCompleteInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.interactions.commands.Command;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import net.dv8tion.jda.api.events.session.ReadyEvent;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import warden.automod.AutomodCommands;
import warden.backup.BackupCommands;
import warden.federation.FederationCommands;
import warden.reports.ReportDesk;
import warden.common.GuildId;
import warden.common.LocalizedException;
import warden.config.GuildPolicies;
import warden.interserver.InterserverService;
import warden.interserver.UnlinkReason;
import warden.sanctions.ModerationCommands;

import java.util.List;

/**
 * Registers Warden's slash commands and runs them. Who may run a command is Discord's decision: each command declares
 * its default member permissions, a server may grant it to other roles in its integration settings, and Discord
 * delivers only what it allowed; re-checking a fixed permission here would undo those grants. What the bot itself cannot
 * do (a member above its role) is refused when it acts. The answer is deferred and the command runs on the guild's lane
 * ({@link GuildWork}), never on JDA's thread; answers are ephemeral unless the server's moderation settings say
 * otherwise, and in the caller's language, refusals included (always ephemeral).
 */
@Component
@ConditionalOnDiscord
class SlashCommandListener extends ListenerAdapter {

    private static final Logger log = LoggerFactory.getLogger(SlashCommandListener.class);
    private static final int MAX_ANSWER = 1900;

    private final ModerationCommands moderation;
    private final AutomodCommands automod;
    private final InterserverService interserver;
    private final GuildTexts texts;
    private final GuildWork work;
    private final GuildPolicies policies;
    private final BackupCommands backups;
    private final FederationCommands federation;
    private final ReportDesk reports;

    SlashCommandListener(ModerationCommands moderation, AutomodCommands automod, InterserverService interserver, GuildTexts texts,
                         GuildWork work, GuildPolicies policies, BackupCommands backups, FederationCommands federation, ReportDesk reports) {
        this.reports = reports;
        this.federation = federation;
        this.backups = backups;
        this.policies = policies;
        this.moderation = moderation;
        this.automod = automod;
        this.interserver = interserver;
        this.texts = texts;
        this.work = work;
    }

    @Override
    public void onReady(ReadyEvent event) {
        if (event.getJDA().getShardInfo().getShardId() != 0) return; // global commands: registered once
        try {
            event.getJDA().updateCommands().addCommands(SlashCommandCatalog.all()).addCommands(SlashCommandCatalog.messageMenus())
                    .queue(done -> log.info("Registered {} slash commands", done.size()),
                            error -> log.warn("Could not register slash commands: {}", error.getMessage()));
        } catch (RuntimeException e) { // a name or description beyond Discord's limits (SlashCommandCatalogTest guards them)
            log.error("Slash commands not registered: {}", e.getMessage());
        }
    }

    @Override
    public void onSlashCommandInteraction(SlashCommandInteractionEvent event) {
        if (event.getGuild() == null || event.getMember() == null) return;
        // answers are for the caller only unless the server chose otherwise (read from memory: this is JDA's thread)
        boolean hidden = policies.ifKnown(GuildId.of(event.getGuild().getIdLong())).map(p -> p.moderation().hideResponses()).orElse(true);
        event.deferReply(hidden).queue();
        work.run(event.getGuild().getIdLong(), "/" + event.getName(), () -> {
            String answer = answer(event);
            String bounded = answer.length() > MAX_ANSWER ? answer.substring(0, MAX_ANSWER) + "…" : answer;
            event.getHook().editOriginal(bounded).setAllowedMentions(List.of())
                    .queue(null, error -> log.warn("Could not answer /{}: {}", event.getName(), error.getMessage()));
        });
    }

    private String answer(SlashCommandInteractionEvent event) {
        try {
            return switch (event.getName()) {
                case "interserver" -> interserver(event);
                case "automod", "sanction-rule", "config" -> automod.run(event);
                case "backup" -> backups.run(event);
                case "federation" -> federation.run(event);
                case "report" -> reports.report(event);
                default -> moderation.run(event);
            };
        } catch (LocalizedException | CommandExecutionException e) {
            String refusal = texts.refusal(event.getUserLocale(), e);
            return refusal != null ? refusal : failed(event, e);
        } catch (AggregateNotFoundException e) {
            return texts.in(event.getUserLocale(), "error.record.unknown");
        } catch (RuntimeException e) {
            return failed(event, e);
        }
    }

    /** {@code /config}'s options and values, proposed as the admin types, on the guild's lane like the commands. */
    @Override
    public void onCommandAutoCompleteInteraction(CommandAutoCompleteInteractionEvent event) {
        if (event.getGuild() == null || event.getMember() == null) return;
        if (event.getName().equals("mod")) {
            work.run(event.getGuild().getIdLong(), "/mod autocomplete", () -> event.replyChoices(moderation.presetsFor(event).stream()
                    .limit(OptionData.MAX_CHOICES).map(p -> new Command.Choice(p, p)).toList())
                    .queue(null, error -> log.debug("Autocomplete not answered: {}", error.getMessage())));
            return;
        }
        if (!event.getName().equals("config")) return;
        work.run(event.getGuild().getIdLong(), "/config autocomplete", () -> {
            String typed = event.getFocusedOption().getValue().toLowerCase(java.util.Locale.ROOT);
            List<Command.Choice> choices = automod.proposals(event).stream()
                    .filter(p -> typed.isEmpty() || p.toLowerCase(java.util.Locale.ROOT).startsWith(typed))
                    .limit(OptionData.MAX_CHOICES)
                    .map(p -> p.length() > OptionData.MAX_CHOICE_VALUE_LENGTH ? p.substring(0, OptionData.MAX_CHOICE_VALUE_LENGTH) : p)
                    .map(p -> new Command.Choice(p, p))
                    .toList();
            event.replyChoices(choices).queue(null, error -> log.debug("Autocomplete not answered: {}", error.getMessage()));
        });
    }

    private String interserver(SlashCommandInteractionEvent event) {
        var channel = event.getGuildChannel();
        var member = event.getMember();
        InterserverService.Reply reply = switch (String.valueOf(event.getSubcommandName())) {
            case "create" -> interserver.create(channel, member);
            case "link" -> interserver.link(channel, member, event.getOption("frequency").getAsString());
            case "unlink" -> interserver.unlink(channel, member, UnlinkReason.COMMAND);
            default -> interserver.status(channel);
        };
        return reply.text(texts, event.getUserLocale());
    }

    private String failed(SlashCommandInteractionEvent event, RuntimeException e) {
        log.error("Slash command /{} failed", event.getFullCommandName(), e);
        return texts.in(event.getUserLocale(), "error.internal");
    }
}
