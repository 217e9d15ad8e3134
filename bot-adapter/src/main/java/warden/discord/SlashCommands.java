package warden.discord;

import java.util.List;
import net.dv8tion.jda.api.events.interaction.command.CommandAutoCompleteInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.interactions.commands.build.CommandData;

/**
 * A feature's slash commands: how Discord shows them (names, options, texts in English and French, the permission
 * it offers them to by default; see {@link SlashCommandCatalog}) and how they run. {@link SlashCommandListener}
 * registers every feature's commands and hands each interaction to the feature that declared its name; adding a
 * command touches the feature's own files only.
 */
public interface SlashCommands {

    /** The commands this feature declares (slash commands, and message menu entries). */
    List<CommandData> commands();

    /**
     * Runs one of this feature's commands, on the guild's lane, and answers the text to show. A refusal is a
     * {@code LocalizedException}, shown in the caller's language.
     */
    String run(SlashCommandInteractionEvent event);

    /** Values to propose for the option being typed (at most the first 25 are shown). */
    default List<String> proposals(CommandAutoCompleteInteractionEvent event) {
        return List.of();
    }
}
