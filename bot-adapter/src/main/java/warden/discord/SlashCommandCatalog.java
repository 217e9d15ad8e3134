package warden.discord;

import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.interactions.DiscordLocale;
import net.dv8tion.jda.api.interactions.commands.DefaultMemberPermissions;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandData;
import net.dv8tion.jda.api.interactions.commands.localization.LocalizationFunction;
import net.dv8tion.jda.api.interactions.commands.localization.ResourceBundleLocalizationFunction;
import warden.automod.AutomodModule;
import warden.automod.AutomodOptions;
import warden.sanctions.InfractionType;
import warden.sanctions.SanctionKind;

import java.util.Arrays;
import java.util.List;

/**
 * Warden's slash commands, with names and descriptions in English and French ({@code warden/commands*.properties}),
 * and the permission Discord shows them to by default. The same permission is checked again when one runs.
 */
final class SlashCommandCatalog {

    static final LocalizationFunction LOCALIZATION = ResourceBundleLocalizationFunction
            .fromBundles("warden/commands", DiscordLocale.FRENCH).build();

    static final Permission CONFIGURE = Permission.MANAGE_SERVER;

    private SlashCommandCatalog() {
    }

    /** The permission a command needs; null for {@code /mod}, whose presets carry their own grants. */
    static Permission required(String command) {
        return switch (command) {
            case "mod" -> null;
            case "kick" -> Permission.KICK_MEMBERS;
            case "ban", "unban" -> Permission.BAN_MEMBERS;
            case "automod", "sanction-rule", "config", "raid" -> CONFIGURE;
            case "interserver" -> Permission.MANAGE_CHANNEL;
            case "backup" -> Permission.ADMINISTRATOR; // a restore creates and deletes roles and channels
            case "federation" -> Permission.BAN_MEMBERS; // membership and settings need Manage Server, checked when run
            case "report" -> null; // every member may report
            default -> Permission.MODERATE_MEMBERS;
        };
    }

    /** The message menu's commands (right click on a message, Apps): names are shown as written, so each language is given. */
    static List<net.dv8tion.jda.api.interactions.commands.build.CommandData> messageMenus() {
        return List.of(Commands.message(warden.reports.ReportDesk.MESSAGE_MENU).setContexts(net.dv8tion.jda.api.interactions.InteractionContextType.GUILD)
                .setNameLocalization(DiscordLocale.FRENCH, "Signaler le message"));
    }

    static List<SlashCommandData> all() {
        return List.of(
                command("warn").addOption(OptionType.USER, "member", "Member", true).addOption(OptionType.STRING, "reason", "Reason", true),
                command("timeout").addOption(OptionType.USER, "member", "Member", true)
                        .addOption(OptionType.STRING, "duration", "Duration", true).addOption(OptionType.STRING, "reason", "Reason"),
                command("kick").addOption(OptionType.USER, "member", "Member", true).addOption(OptionType.STRING, "reason", "Reason"),
                command("ban").addOption(OptionType.USER, "user", "User", true).addOption(OptionType.STRING, "duration", "Duration")
                        .addOption(OptionType.STRING, "reason", "Reason")
                        .addOptions(new OptionData(OptionType.INTEGER, "delete_days", "Delete days").setRequiredRange(0, 7)),
                command("mod").addOptions(new OptionData(OptionType.STRING, "preset", "Preset", true, true))
                        .addOption(OptionType.USER, "member", "Member", true).addOption(OptionType.STRING, "reason", "Reason"),
                command("evidence").addSubcommands(
                        new SubcommandData("add", "Add").addOptions(new OptionData(OptionType.USER, "member", "Member", true),
                                choices(new OptionData(OptionType.STRING, "target", "Target", true), null, "sanction", "infraction"),
                                new OptionData(OptionType.STRING, "id", "Id", true),
                                new OptionData(OptionType.ATTACHMENT, "image", "Image", true)),
                        new SubcommandData("remove", "Remove").addOptions(new OptionData(OptionType.USER, "member", "Member", true),
                                choices(new OptionData(OptionType.STRING, "target", "Target", true), null, "sanction", "infraction"),
                                new OptionData(OptionType.STRING, "id", "Id", true),
                                new OptionData(OptionType.STRING, "sha256", "SHA-256", true))),
                command("raid").addSubcommands(new SubcommandData("on", "On"), new SubcommandData("off", "Off"),
                        new SubcommandData("status", "Status"),
                        new SubcommandData("timeout-joiners", "Timeout joiners").addOptions(
                                new OptionData(OptionType.INTEGER, "confirm", "Confirm").setMinValue(0))),
                command("backup").addSubcommands(
                        new SubcommandData("create", "Create").addOptions(new OptionData(OptionType.STRING, "label", "Label").setMaxLength(100)),
                        new SubcommandData("list", "List"),
                        new SubcommandData("info", "Info").addOption(OptionType.STRING, "backup", "Backup", true),
                        new SubcommandData("delete", "Delete").addOption(OptionType.STRING, "backup", "Backup", true),
                        new SubcommandData("load", "Load").addOptions(new OptionData(OptionType.STRING, "backup", "Backup", true),
                                choices(new OptionData(OptionType.STRING, "mode", "Mode"), null, "all", "structure", "member-roles"),
                                new OptionData(OptionType.BOOLEAN, "skip-deletions", "Skip deletions"),
                                new OptionData(OptionType.BOOLEAN, "confirm", "Confirm")),
                        new SubcommandData("status", "Status"),
                        new SubcommandData("schedule", "Schedule").addOption(OptionType.STRING, "every", "Every", true)),
                command("federation").addSubcommands(
                        new SubcommandData("create", "Create").addOptions(new OptionData(OptionType.STRING, "name", "Name", true).setMaxLength(100)),
                        new SubcommandData("invite", "Invite").addOption(OptionType.BOOLEAN, "publish", "Publish"),
                        new SubcommandData("join", "Join").addOption(OptionType.STRING, "code", "Code", true),
                        new SubcommandData("leave", "Leave"),
                        new SubcommandData("status", "Status"),
                        new SubcommandData("mode", "Mode").addOptions(
                                choices(new OptionData(OptionType.STRING, "mode", "Mode", true), null, "automatic", "alert", "approve"),
                                new OptionData(OptionType.CHANNEL, "channel", "Channel")),
                        new SubcommandData("never-ban", "Never ban").addOption(OptionType.USER, "user", "User")
                                .addOption(OptionType.ROLE, "role", "Role").addOption(OptionType.BOOLEAN, "remove", "Remove"),
                        new SubcommandData("ban", "Ban").addOption(OptionType.USER, "user", "User", true)
                                .addOptions(new OptionData(OptionType.STRING, "reason", "Reason", true).setMaxLength(500))
                                .addOption(OptionType.STRING, "evidence", "Evidence"),
                        new SubcommandData("revoke", "Revoke").addOption(OptionType.STRING, "entry", "Entry", true),
                        new SubcommandData("unban-everywhere", "Unban everywhere").addOption(OptionType.USER, "user", "User", true),
                        new SubcommandData("ignore", "Ignore").addOption(OptionType.STRING, "entry", "Entry", true),
                        new SubcommandData("suspend", "Suspend").addOption(OptionType.STRING, "server", "Server", true)
                                .addOption(OptionType.BOOLEAN, "revert", "Revert"),
                        new SubcommandData("preview", "Preview"),
                        new SubcommandData("staff", "Staff").addOption(OptionType.ROLE, "role", "Role"),
                        new SubcommandData("team-access", "Team access").addOption(OptionType.BOOLEAN, "allowed", "Allowed", true),
                        new SubcommandData("act", "Act").addOption(OptionType.STRING, "server", "Server", true)
                                .addOption(OptionType.USER, "member", "Member", true)
                                .addOptions(choices(new OptionData(OptionType.STRING, "sanction", "Sanction", true), null, "warn", "timeout", "kick", "ban"),
                                        new OptionData(OptionType.STRING, "reason", "Reason", true).setMaxLength(500))
                                .addOption(OptionType.STRING, "duration", "Duration")),
                command("report").addOption(OptionType.USER, "user", "User", true)
                        .addOptions(new OptionData(OptionType.STRING, "reason", "Reason", true).setMaxLength(500)),
                command("note").addOption(OptionType.USER, "member", "Member", true).addOption(OptionType.STRING, "text", "Text", true),
                command("sanctions").addOption(OptionType.USER, "member", "Member")
                        .addOptions(choices(new OptionData(OptionType.STRING, "kind", "Kind"), null,
                                Arrays.stream(SanctionKind.values()).map(k -> k.name().toLowerCase()).toArray(String[]::new)))
                        .addOption(OptionType.USER, "moderator", "Moderator")
                        .addOption(OptionType.BOOLEAN, "active", "Active")
                        .addOption(OptionType.STRING, "search", "Search")
                        .addOptions(new OptionData(OptionType.INTEGER, "page", "Page").setMinValue(1))
                        .addOption(OptionType.BOOLEAN, "public", "Public"),
                command("unban").addOption(OptionType.USER, "user", "User", true).addOption(OptionType.STRING, "reason", "Reason"),
                command("pardon").addOption(OptionType.USER, "member", "Member", true)
                        .addOption(OptionType.STRING, "infraction", "Infraction", true).addOption(OptionType.STRING, "reason", "Reason"),
                command("infractions").addOption(OptionType.USER, "member", "Member", true)
                        .addOptions(new OptionData(OptionType.INTEGER, "page", "Page").setMinValue(1)),
                command("why").addOption(OptionType.STRING, "sanction", "Sanction", true),
                command("unmute").addOption(OptionType.USER, "member", "Member", true).addOption(OptionType.STRING, "reason", "Reason"),
                command("sanction").addSubcommands(
                        new SubcommandData("edit", "Edit").addOptions(new OptionData(OptionType.USER, "member", "Member", true),
                                new OptionData(OptionType.STRING, "sanction", "Sanction", true),
                                choices(new OptionData(OptionType.STRING, "field", "Field", true), null, "reason", "context"),
                                new OptionData(OptionType.STRING, "text", "Text", true)),
                        new SubcommandData("retime", "Retime").addOptions(new OptionData(OptionType.USER, "member", "Member", true),
                                new OptionData(OptionType.STRING, "sanction", "Sanction", true),
                                new OptionData(OptionType.STRING, "duration", "Duration", true),
                                new OptionData(OptionType.STRING, "reason", "Reason")),
                        new SubcommandData("remove", "Remove").addOptions(new OptionData(OptionType.USER, "member", "Member", true),
                                new OptionData(OptionType.STRING, "sanction", "Sanction", true),
                                new OptionData(OptionType.STRING, "reason", "Reason")),
                        new SubcommandData("reset", "Reset").addOptions(new OptionData(OptionType.USER, "member", "Member", true),
                                new OptionData(OptionType.STRING, "confirm", "Confirm", true),
                                new OptionData(OptionType.STRING, "reason", "Reason")),
                        new SubcommandData("reset-server", "Reset server").addOptions(
                                new OptionData(OptionType.STRING, "confirm", "Confirm", true),
                                new OptionData(OptionType.STRING, "reason", "Reason"))),
                command("automod").addSubcommands(
                        new SubcommandData("enable", "Enable").addOptions(module()),
                        new SubcommandData("disable", "Disable").addOptions(module()),
                        new SubcommandData("silent", "Silent").addOptions(module(), new OptionData(OptionType.BOOLEAN, "on", "On", true)),
                        new SubcommandData("ignore-channel", "Ignore channel").addOptions(module(),
                                new OptionData(OptionType.CHANNEL, "channel", "Channel", true)),
                        new SubcommandData("ignore-role", "Ignore role").addOptions(module(),
                                new OptionData(OptionType.ROLE, "role", "Role", true)),
                        new SubcommandData("add-words", "Add words").addOption(OptionType.STRING, "words", "Words", true),
                        new SubcommandData("remove-words", "Remove words").addOption(OptionType.STRING, "words", "Words", true),
                        new SubcommandData("show", "Show")),
                command("config").addOptions(
                        choices(new OptionData(OptionType.STRING, "module", "Module", true), null,
                                java.util.stream.Stream.concat(AutomodOptions.sections().stream(),
                                        java.util.stream.Stream.of(warden.automod.AutomodCommands.MODERATION)).toArray(String[]::new)),
                        new OptionData(OptionType.STRING, "option", "Option", true, true),
                        new OptionData(OptionType.STRING, "value", "Value", true, true)),
                command("sanction-rule").addSubcommands(
                        new SubcommandData("add", "Add").addOptions(
                                choices(new OptionData(OptionType.STRING, "infraction", "Infraction", true), "any",
                                        Arrays.stream(InfractionType.values()).map(t -> t.name().toLowerCase()).toArray(String[]::new)),
                                new OptionData(OptionType.INTEGER, "threshold", "Threshold", true).setRequiredRange(1, 100),
                                new OptionData(OptionType.STRING, "window", "Window", true),
                                choices(new OptionData(OptionType.STRING, "sanction", "Sanction", true), null,
                                        Arrays.stream(SanctionKind.values()).filter(k -> k != SanctionKind.UNBAN)
                                                .map(k -> k.name().toLowerCase()).toArray(String[]::new)),
                                new OptionData(OptionType.STRING, "duration", "Duration")),
                        new SubcommandData("remove", "Remove").addOption(OptionType.STRING, "id", "Id", true),
                        new SubcommandData("enable", "Enable").addOption(OptionType.STRING, "id", "Id", true),
                        new SubcommandData("disable", "Disable").addOption(OptionType.STRING, "id", "Id", true),
                        new SubcommandData("list", "List")),
                command("interserver").addSubcommands(
                        new SubcommandData("create", "Create"),
                        new SubcommandData("link", "Link").addOption(OptionType.STRING, "frequency", "Frequency", true),
                        new SubcommandData("status", "Status"),
                        new SubcommandData("unlink", "Unlink")));
    }

    private static final java.util.ResourceBundle ENGLISH = java.util.ResourceBundle.getBundle("warden/commands", java.util.Locale.ROOT);

    private static SlashCommandData command(String name) {
        return Commands.slash(name, ENGLISH.getString(name + ".description"))
                .setContexts(net.dv8tion.jda.api.interactions.InteractionContextType.GUILD)
                .setDefaultPermissions(required(name) == null ? DefaultMemberPermissions.ENABLED
                        : DefaultMemberPermissions.enabledFor(required(name)))
                .setLocalizationFunction(LOCALIZATION);
    }

    private static OptionData module() {
        return choices(new OptionData(OptionType.STRING, "module", "Module", true), null,
                Arrays.stream(AutomodModule.values()).map(AutomodModule::key).toArray(String[]::new));
    }

    private static OptionData choices(OptionData option, String first, String... values) {
        if (first != null) option.addChoice(first, first);
        for (String value : values) option.addChoice(value, value);
        return option;
    }
}
