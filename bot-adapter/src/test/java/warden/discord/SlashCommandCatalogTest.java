package warden.discord;

import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;
import net.dv8tion.jda.api.utils.data.DataArray;
import net.dv8tion.jda.api.utils.data.DataObject;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every command as Discord receives it, in every language: names of 1-32 lower-case letters, digits, - or _, and
 * descriptions of 1-100 characters. A single one over the limit makes Discord (or JDA) refuse the whole registration.
 */
class SlashCommandCatalogTest {

    private static final Pattern NAME = Pattern.compile("^[-_\\p{Ll}\\p{Lo}\\p{N}]{1,32}$");

    @Test
    void everyNameAndDescriptionFitsDiscordsLimitsInEveryLanguage() {
        List<String> problems = new ArrayList<>();
        for (SlashCommandData command : SlashCommandCatalog.all()) check(command.toData(), "/" + command.getName(), problems);
        assertThat(problems).isEmpty();
    }

    private static void check(DataObject data, String where, List<String> problems) {
        name(data.getString("name"), where, problems);
        if (data.hasKey("description")) description(data.getString("description"), where, problems);
        if (data.hasKey("name_localizations") && !data.isNull("name_localizations")) {
            DataObject names = data.getObject("name_localizations");
            for (String locale : names.keys()) name(names.getString(locale), where + " [" + locale + "]", problems);
        }
        if (data.hasKey("description_localizations") && !data.isNull("description_localizations")) {
            DataObject descriptions = data.getObject("description_localizations");
            for (String locale : descriptions.keys()) description(descriptions.getString(locale), where + " [" + locale + "]", problems);
        }
        if (data.hasKey("options")) {
            DataArray options = data.getArray("options");
            for (int i = 0; i < options.length(); i++) {
                DataObject option = options.getObject(i);
                check(option, where + " " + option.getString("name"), problems);
            }
        }
    }

    private static void name(String name, String where, List<String> problems) {
        if (!NAME.matcher(name).matches()) problems.add(where + ": name \"" + name + "\"");
    }

    private static void description(String description, String where, List<String> problems) {
        if (description.isEmpty() || description.length() > 100) problems.add(where + ": description of " + description.length() + " characters");
    }
}
