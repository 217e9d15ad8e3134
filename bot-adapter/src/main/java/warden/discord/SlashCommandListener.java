package warden.discord;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.dv8tion.jda.api.events.interaction.command.CommandAutoCompleteInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.events.session.ReadyEvent;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import net.dv8tion.jda.api.interactions.commands.Command;
import net.dv8tion.jda.api.interactions.commands.build.CommandData;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import warden.common.LocalizedException;

/**
 * Registers every feature's slash commands ({@link SlashCommands}) and hands each interaction to the feature that
 * declared it. Who may run a command is Discord's decision: each command declares its default member permissions, a
 * server may grant it to other roles in its integration settings, and Discord delivers only what it allowed;
 * re-checking a fixed permission here would undo those grants. What the bot itself cannot do (a member above its
 * role) is refused when it acts. The answer is deferred and the command runs on the guild's lane ({@link GuildWork}),
 * never on JDA's thread; answers are for the caller only unless the server says otherwise ({@link AnswerVisibility}),
 * and in the caller's language, refusals included (always for the caller only).
 */
@Component
@ConditionalOnDiscord
class SlashCommandListener extends ListenerAdapter {

    private static final Logger log = LoggerFactory.getLogger(SlashCommandListener.class);
    private static final int MAX_ANSWER = 1900;

    private final List<SlashCommands> features;
    private final Map<String, SlashCommands> byName = new HashMap<>();
    private final List<CommandData> commands;
    private final AnswerVisibility visibility;
    private final GuildTexts texts;
    private final GuildWork work;

    SlashCommandListener(
            List<SlashCommands> features,
            ObjectProvider<AnswerVisibility> visibility,
            GuildTexts texts,
            GuildWork work) {
        this.features = features;
        this.commands = features.stream().flatMap(f -> f.commands().stream()).toList();
        for (SlashCommands feature : features) {
            for (CommandData command : feature.commands()) {
                SlashCommands before = byName.put(command.getName(), feature);
                if (before != null) throw new IllegalStateException("two features declare /" + command.getName());
            }
        }
        this.visibility = visibility.getIfAvailable(() -> guild -> true);
        this.texts = texts;
        this.work = work;
    }

    @Override
    public void onReady(ReadyEvent event) {
        if (event.getJDA().getShardInfo().getShardId() != 0) return; // global commands: registered once
        try {
            event.getJDA()
                    .updateCommands()
                    .addCommands(commands)
                    .queue(
                            done -> log.info("Registered {} commands of {} features", done.size(), features.size()),
                            error -> log.warn("Could not register slash commands: {}", error.getMessage()));
        } catch (
                RuntimeException
                        e) { // a name or description beyond Discord's limits (the fake Discord refuses them too)
            log.error("Slash commands not registered: {}", e.getMessage());
        }
    }

    @Override
    public void onSlashCommandInteraction(SlashCommandInteractionEvent event) {
        if (event.getGuild() == null || event.getMember() == null) return;
        SlashCommands feature = byName.get(event.getName());
        if (feature == null) return; // another application's command, or one since removed
        event.deferReply(visibility.hidden(event.getGuild().getIdLong())).queue();
        work.run(event.getGuild().getIdLong(), "/" + event.getName(), () -> {
            String answer = answer(feature, event);
            String bounded = answer.length() > MAX_ANSWER ? answer.substring(0, MAX_ANSWER) + "…" : answer;
            event.getHook()
                    .editOriginal(bounded)
                    .setAllowedMentions(List.of())
                    .queue(null, error -> log.warn("Could not answer /{}: {}", event.getName(), error.getMessage()));
        });
    }

    private String answer(SlashCommands feature, SlashCommandInteractionEvent event) {
        try {
            return feature.run(event);
        } catch (LocalizedException | CommandExecutionException e) {
            String refusal = texts.refusal(event.getUserLocale(), e);
            return refusal != null ? refusal : failed(event, e);
        } catch (AggregateNotFoundException e) {
            return texts.in(event.getUserLocale(), "error.record.unknown");
        } catch (RuntimeException e) {
            return failed(event, e);
        }
    }

    /** Proposals for the option being typed, from the command's feature, on the guild's lane like the commands. */
    @Override
    public void onCommandAutoCompleteInteraction(CommandAutoCompleteInteractionEvent event) {
        if (event.getGuild() == null || event.getMember() == null) return;
        SlashCommands feature = byName.get(event.getName());
        if (feature == null) return;
        work.run(event.getGuild().getIdLong(), "/" + event.getName() + " autocomplete", () -> {
            List<Command.Choice> choices = feature.proposals(event).stream()
                    .limit(OptionData.MAX_CHOICES)
                    .map(p -> p.length() > OptionData.MAX_CHOICE_VALUE_LENGTH
                            ? p.substring(0, OptionData.MAX_CHOICE_VALUE_LENGTH)
                            : p)
                    .map(p -> new Command.Choice(p, p))
                    .toList();
            event.replyChoices(choices)
                    .queue(null, error -> log.debug("Autocomplete not answered: {}", error.getMessage()));
        });
    }

    private String failed(SlashCommandInteractionEvent event, RuntimeException e) {
        log.error("Slash command /{} failed", event.getFullCommandName(), e);
        return texts.in(event.getUserLocale(), "error.internal");
    }
}
