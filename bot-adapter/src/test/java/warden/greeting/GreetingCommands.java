package warden.greeting;

import java.util.List;
import net.dv8tion.jda.api.events.interaction.command.CommandAutoCompleteInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.interactions.InteractionContextType;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.CommandData;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import warden.discord.ConditionalOnDiscord;
import warden.discord.SlashCommands;

/**
 * A feature that exists only in tests: one slash command, declared and run here, in this package alone. Nothing else
 * names it: the plumbing finds it as it finds every feature.
 */
@Component
@ConditionalOnDiscord
@ConditionalOnProperty(name = "warden.test.greeting", havingValue = "true")
class GreetingCommands implements SlashCommands {

    @Override
    public List<CommandData> commands() {
        return List.of(Commands.slash("greet", "Greets someone")
                .setContexts(InteractionContextType.GUILD)
                .addOptions(new OptionData(OptionType.STRING, "name", "Name", true, true)));
    }

    @Override
    public String run(SlashCommandInteractionEvent event) {
        return "Hello, " + event.getOption("name").getAsString() + "!";
    }

    @Override
    public List<String> proposals(CommandAutoCompleteInteractionEvent event) {
        return List.of("Ada", "Grace");
    }
}
