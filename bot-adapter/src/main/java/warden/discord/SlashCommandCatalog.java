package warden.discord;

import java.util.Locale;
import java.util.ResourceBundle;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.interactions.DiscordLocale;
import net.dv8tion.jda.api.interactions.InteractionContextType;
import net.dv8tion.jda.api.interactions.commands.DefaultMemberPermissions;
import net.dv8tion.jda.api.interactions.commands.build.CommandData;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;
import net.dv8tion.jda.api.interactions.commands.localization.LocalizationFunction;
import net.dv8tion.jda.api.interactions.commands.localization.ResourceBundleLocalizationFunction;

/**
 * How a feature writes its slash commands ({@link SlashCommands#commands()}): in servers only, with names and
 * descriptions in English and French ({@code warden/commands*.properties}), and the permission Discord offers them to
 * by default. Who may run a command is then Discord's decision: a server may grant it to other roles.
 */
public final class SlashCommandCatalog {

    private static final LocalizationFunction LOCALIZATION = ResourceBundleLocalizationFunction.fromBundles(
                    "warden/commands", DiscordLocale.FRENCH)
            .build();
    private static final ResourceBundle ENGLISH = ResourceBundle.getBundle("warden/commands", Locale.ROOT);

    private SlashCommandCatalog() {}

    /**
     * A command, its description from {@code <name>.description}, offered by default to members with
     * {@code permission} (to everyone when null).
     */
    public static SlashCommandData command(String name, Permission permission) {
        return Commands.slash(name, ENGLISH.getString(name + ".description"))
                .setContexts(InteractionContextType.GUILD)
                .setDefaultPermissions(
                        permission == null
                                ? DefaultMemberPermissions.ENABLED
                                : DefaultMemberPermissions.enabledFor(permission))
                .setLocalizationFunction(LOCALIZATION);
    }

    /** A message menu entry (right click on a message, Apps): its name is shown as written, so each language is given. */
    public static CommandData messageMenu(String name, String french) {
        return Commands.message(name)
                .setContexts(InteractionContextType.GUILD)
                .setNameLocalization(DiscordLocale.FRENCH, french);
    }

    /** An option whose values are a closed list, {@code first} (when not null) then {@code values}. */
    public static OptionData choices(OptionData option, String first, String... values) {
        if (first != null) option.addChoice(first, first);
        for (String value : values) option.addChoice(value, value);
        return option;
    }
}
