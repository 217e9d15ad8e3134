package warden.backup;

import static warden.discord.SlashCommandCatalog.choices;
import static warden.discord.SlashCommandCatalog.command;

import java.util.List;
import java.util.stream.Collectors;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.entities.Guild;
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
import warden.common.UserId;
import warden.discord.ConditionalOnDiscord;
import warden.discord.GuildTexts;
import warden.discord.SlashCommands;

/** {@code /backup create|list|info|delete|load|status|schedule}. */
@Component
@ConditionalOnDiscord
public class BackupCommands implements SlashCommands {

    /** Plan lines shown before "and N more": a reply stays within Discord's message length. */
    private static final int PLAN_LINES = 20;

    private final Backups backups;
    private final GuildTexts texts;

    BackupCommands(Backups backups, GuildTexts texts) {
        this.backups = backups;
        this.texts = texts;
    }

    /** Administrators only: a restore creates and deletes roles and channels. */
    @Override
    public List<CommandData> commands() {
        return List.of(command("backup", Permission.ADMINISTRATOR)
                .addSubcommands(
                        new SubcommandData("create", "Create")
                                .addOptions(new OptionData(OptionType.STRING, "label", "Label").setMaxLength(100)),
                        new SubcommandData("list", "List"),
                        new SubcommandData("info", "Info").addOption(OptionType.STRING, "backup", "Backup", true),
                        new SubcommandData("delete", "Delete").addOption(OptionType.STRING, "backup", "Backup", true),
                        new SubcommandData("load", "Load")
                                .addOptions(
                                        new OptionData(OptionType.STRING, "backup", "Backup", true),
                                        choices(
                                                new OptionData(OptionType.STRING, "mode", "Mode"),
                                                null,
                                                "all",
                                                "structure",
                                                "member-roles"),
                                        new OptionData(OptionType.BOOLEAN, "skip-deletions", "Skip deletions"),
                                        new OptionData(OptionType.BOOLEAN, "confirm", "Confirm")),
                        new SubcommandData("status", "Status"),
                        new SubcommandData("schedule", "Schedule")
                                .addOption(OptionType.STRING, "every", "Every", true)));
    }

    @Override
    public String run(SlashCommandInteractionEvent event) {
        DiscordLocale locale = event.getUserLocale();
        Guild guild = event.getGuild();
        GuildId id = GuildId.of(guild.getIdLong());
        Actor admin = Actor.moderator(UserId.of(event.getUser().getIdLong()));
        return switch (String.valueOf(event.getSubcommandName())) {
            case "create" -> {
                Backups.Taken taken = backups.take(guild, text(event, "label"), false, admin);
                ServerSnapshot s = taken.snapshot();
                yield texts.in(
                        locale,
                        "command.backup.taken",
                        taken.backupId(),
                        s.roles().size(),
                        s.channels().size(),
                        s.memberRoles().size(),
                        kilobytes(taken.sizeBytes()));
            }
            case "list" -> list(id, locale);
            case "info" -> {
                BackupSummary b =
                        backups.find(id, event.getOption("backup").getAsString().strip());
                yield texts.in(
                        locale,
                        "command.backup.info",
                        b.backupId(),
                        b.label() == null ? "—" : b.label(),
                        String.valueOf(b.takenAt().getEpochSecond()),
                        b.takenBy(),
                        b.roles(),
                        b.channels(),
                        b.members(),
                        kilobytes(b.sizeBytes()),
                        b.contentHash().substring(0, 12));
            }
            case "delete" -> {
                yield texts.in(
                        locale,
                        "command.backup.deleted",
                        backups.delete(
                                id, event.getOption("backup").getAsString().strip(), admin));
            }
            case "load" -> load(event, guild, admin, locale);
            case "schedule" -> {
                String every = event.getOption("every").getAsString().strip();
                if (every.equalsIgnoreCase("off")) {
                    backups.schedule(id, null, admin);
                    yield texts.in(locale, "command.backup.unscheduled");
                }
                backups.schedule(id, Durations.parse(every), admin);
                yield texts.in(locale, "command.backup.scheduled", Durations.format(Durations.parse(every)));
            }
            default -> status(id, locale);
        };
    }

    private String list(GuildId guild, DiscordLocale locale) {
        List<BackupSummary> all = backups.list(guild);
        if (all.isEmpty()) return texts.in(locale, "command.backup.list.empty");
        return all.stream()
                .map(b -> texts.in(
                        locale,
                        b.automatic() ? "command.backup.list.automatic" : "command.backup.list.line",
                        b.backupId(),
                        String.valueOf(b.takenAt().getEpochSecond()),
                        b.label() == null ? "—" : b.label(),
                        b.roles(),
                        b.channels(),
                        b.members()))
                .collect(Collectors.joining("\n"));
    }

    /** Without {@code confirm}: the plan. With it: the plan computed again, now, recorded and run. */
    private String load(SlashCommandInteractionEvent event, Guild guild, Actor admin, DiscordLocale locale) {
        BackupSummary backup = backups.find(
                GuildId.of(guild.getIdLong()),
                event.getOption("backup").getAsString().strip());
        String backupId = backup.backupId();
        boolean skipDeletions = event.getOption("skip-deletions") != null
                && event.getOption("skip-deletions").getAsBoolean();
        RestoreOptions options = RestoreOptions.of(text(event, "mode"), skipDeletions);
        List<RestoreStep> steps = backups.plan(guild, backup, options);
        if (steps.isEmpty()) return texts.in(locale, "command.backup.plan.none", backupId);
        boolean confirm =
                event.getOption("confirm") != null && event.getOption("confirm").getAsBoolean();
        if (!confirm) {
            StringBuilder plan =
                    new StringBuilder(texts.in(locale, "command.backup.plan.header", backupId, steps.size()));
            steps.stream().limit(PLAN_LINES).forEach(step -> plan.append("\n- ").append(line(step, locale)));
            if (steps.size() > PLAN_LINES)
                plan.append("\n").append(texts.in(locale, "command.backup.plan.more", steps.size() - PLAN_LINES));
            return plan.append("\n")
                    .append(texts.in(locale, "command.backup.plan.confirm"))
                    .toString();
        }
        String restoreId = backups.startRestore(
                guild, backupId, options, steps, event.getChannel().getId(), admin);
        return texts.in(locale, "command.backup.restoreStarted", restoreId, steps.size());
    }

    String line(RestoreStep step, DiscordLocale locale) {
        String changes = step.kind() == RestoreStep.Kind.ADD_MEMBER_ROLES
                ? String.valueOf(step.changes().size())
                : String.join(", ", step.changes());
        return texts.in(locale, "restore.step." + step.kind().name(), step.name(), changes);
    }

    private String status(GuildId guild, DiscordLocale locale) {
        RestoreStatus status = backups.restoreStatus(guild);
        if (status.restoreId() == null) return texts.in(locale, "command.backup.status.none");
        StringBuilder text = new StringBuilder(texts.in(
                locale,
                "command.backup.status",
                status.restoreId(),
                status.backupId(),
                texts.in(locale, status.running() ? "command.backup.status.running" : "command.backup.status.finished"),
                status.done(),
                status.total(),
                status.failed(),
                status.skipped()));
        status.steps().stream()
                .filter(s -> "FAILED".equals(s.outcome()))
                .limit(PLAN_LINES)
                .forEach(s -> text.append("\n- ")
                        .append(texts.in(locale, "command.backup.status.failedLine", s.name(), s.detail())));
        return text.toString();
    }

    private static String text(SlashCommandInteractionEvent event, String option) {
        OptionMapping mapping = event.getOption(option);
        return mapping == null ? null : mapping.getAsString().strip();
    }

    private static String kilobytes(int bytes) {
        return String.valueOf(Math.max(1, Math.round(bytes / 1024.0)));
    }
}
