package warden.interserver;

import static warden.discord.SlashCommandCatalog.command;

import java.util.List;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.CommandData;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandData;
import org.springframework.stereotype.Component;
import warden.discord.ConditionalOnDiscord;
import warden.discord.GuildTexts;
import warden.discord.SlashCommands;

/** {@code /interserver create|link|status|unlink}: the slash forms of {@code !interserveur}. */
@Component
@ConditionalOnDiscord
class InterserverCommands implements SlashCommands {

    private final InterserverService interserver;
    private final GuildTexts texts;

    InterserverCommands(InterserverService interserver, GuildTexts texts) {
        this.interserver = interserver;
        this.texts = texts;
    }

    @Override
    public List<CommandData> commands() {
        return List.of(command("interserver", Permission.MANAGE_CHANNEL)
                .addSubcommands(
                        new SubcommandData("create", "Create"),
                        new SubcommandData("link", "Link").addOption(OptionType.STRING, "frequency", "Frequency", true),
                        new SubcommandData("status", "Status"),
                        new SubcommandData("unlink", "Unlink")));
    }

    @Override
    public String run(SlashCommandInteractionEvent event) {
        var channel = event.getGuildChannel();
        var member = event.getMember();
        InterserverService.Reply reply = switch (String.valueOf(event.getSubcommandName())) {
            case "create" -> interserver.create(channel, member);
            case "link" ->
                interserver.link(channel, member, event.getOption("frequency").getAsString());
            case "unlink" -> interserver.unlink(channel, member, UnlinkReason.COMMAND);
            default -> interserver.status(channel);
        };
        return reply.text(texts, event.getUserLocale());
    }
}
