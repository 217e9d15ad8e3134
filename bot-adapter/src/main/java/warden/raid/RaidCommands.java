package warden.raid;

import static warden.discord.SlashCommandCatalog.command;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.interactions.DiscordLocale;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.CommandData;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandData;
import org.springframework.stereotype.Component;
import warden.common.Actor;
import warden.common.Durations;
import warden.common.GuildId;
import warden.common.MemberKey;
import warden.common.UserId;
import warden.discord.ConditionalOnDiscord;
import warden.discord.GuildTexts;
import warden.discord.SlashCommands;
import warden.platform.Commands;
import warden.sanctions.ImposeSanction;
import warden.sanctions.SanctionId;
import warden.sanctions.SanctionSpec;

/** {@code /raid on|off|status|timeout-joiners}: raid mode by hand, and the accounts that joined during it. */
@Component
@ConditionalOnDiscord
class RaidCommands implements SlashCommands {

    private final Commands commands;
    private final GuildTexts texts;
    private final RaidDefense raids;

    RaidCommands(Commands commands, GuildTexts texts, RaidDefense raids) {
        this.commands = commands;
        this.texts = texts;
        this.raids = raids;
    }

    @Override
    public List<CommandData> commands() {
        return List.of(command("raid", Permission.MANAGE_SERVER)
                .addSubcommands(
                        new SubcommandData("on", "On"),
                        new SubcommandData("off", "Off"),
                        new SubcommandData("status", "Status"),
                        new SubcommandData("timeout-joiners", "Timeout joiners")
                                .addOptions(new OptionData(OptionType.INTEGER, "confirm", "Confirm").setMinValue(0))));
    }

    @Override
    public String run(SlashCommandInteractionEvent event) {
        DiscordLocale locale = event.getUserLocale();
        GuildId guild = GuildId.of(event.getGuild().getIdLong());
        Actor moderator = Actor.moderator(UserId.of(event.getUser().getIdLong()));
        switch (String.valueOf(event.getSubcommandName())) {
            case "on" -> {
                Instant until = raids.start(event.getGuild(), false, List.of(), moderator);
                return texts.in(locale, "command.raid.on", String.valueOf(until.getEpochSecond()));
            }
            case "off" -> {
                return texts.in(
                        locale,
                        "command.raid.off",
                        raids.end(event.getGuild(), moderator).size());
            }
            case "timeout-joiners" -> {
                RaidStatus status = raids.status(guild);
                if (status.raidId() == null) return texts.in(locale, "error.raid.notOn");
                Duration duration = Duration.ofHours(1);
                OptionMapping confirm = event.getOption("confirm");
                if (confirm == null || confirm.getAsInt() != status.accounts().size()) {
                    return texts.in(
                            locale, "command.raid.preview", status.accounts().size(), Durations.format(duration));
                }
                for (String account : status.accounts()) {
                    commands.sendAndWait(new ImposeSanction(
                            new MemberKey(guild, UserId.of(account)),
                            SanctionId.of(status.raidId() + ":" + account),
                            SanctionSpec.timeout(duration),
                            moderator,
                            texts.stored("audit.raid"),
                            Instant.now(),
                            null));
                }
                return texts.in(
                        locale, "command.raid.timedOut", status.accounts().size());
            }
            default -> {
                RaidStatus status = raids.status(guild);
                return status.active()
                        ? texts.in(
                                locale,
                                "command.raid.preview",
                                status.accounts().size(),
                                "1h")
                        : texts.in(locale, "error.raid.notOn");
            }
        }
    }
}
