package warden.reports;

import static warden.discord.SlashCommandCatalog.command;
import static warden.discord.SlashCommandCatalog.messageMenu;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.components.buttons.Button;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.User;
import net.dv8tion.jda.api.entities.channel.middleman.GuildMessageChannel;
import net.dv8tion.jda.api.events.interaction.command.MessageContextInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import net.dv8tion.jda.api.interactions.DiscordLocale;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.CommandData;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import org.axonframework.commandhandling.CommandExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import warden.common.GuildId;
import warden.common.LocalizedException;
import warden.common.UserId;
import warden.config.GuildPolicies;
import warden.config.ModerationSettings;
import warden.discord.ConditionalOnDiscord;
import warden.discord.GuildTexts;
import warden.discord.GuildWork;
import warden.discord.SlashCommands;
import warden.platform.Commands;

/**
 * Reports (signalements): {@code /report} and the message menu's "Report message" file one; it lands in the server's
 * reports channel with buttons to claim, resolve or dismiss it; the reporter is told the outcome by DM. A member files
 * at most {@code reports.perHour} reports in an hour (counted on the server's lane, in this node's memory).
 */
@Component
@ConditionalOnDiscord
public class ReportDesk extends ListenerAdapter implements SlashCommands {

    static final String MESSAGE_MENU = "Report message";
    private static final Logger log = LoggerFactory.getLogger(ReportDesk.class);
    private static final String BUTTON = "report";
    private static final Duration HOUR = Duration.ofHours(1);

    private final Commands commands;
    private final GuildPolicies policies;
    private final GuildTexts texts;
    private final GuildWork work;
    /** guild:reporter -> when their recent reports were filed, touched only on the guild's lane. */
    private final Map<String, Deque<Instant>> recent = new ConcurrentHashMap<>();

    ReportDesk(Commands commands, GuildPolicies policies, GuildTexts texts, GuildWork work) {
        this.commands = commands;
        this.policies = policies;
        this.texts = texts;
        this.work = work;
    }

    /** Every member may report. */
    @Override
    public List<CommandData> commands() {
        return List.of(
                command("report", null)
                        .addOption(OptionType.USER, "user", "User", true)
                        .addOptions(new OptionData(OptionType.STRING, "reason", "Reason", true).setMaxLength(500)),
                messageMenu(MESSAGE_MENU, "Signaler le message"));
    }

    /** {@code /report user reason}. */
    @Override
    public String run(SlashCommandInteractionEvent event) {
        User target = event.getOption("user").getAsUser();
        return file(
                event.getGuild(),
                event.getUser(),
                target,
                null,
                null,
                event.getOption("reason").getAsString(),
                event.getUserLocale());
    }

    @Override
    public void onMessageContextInteraction(MessageContextInteractionEvent event) {
        if (!event.getName().equals(MESSAGE_MENU) || event.getGuild() == null) return;
        event.deferReply(true).queue();
        Guild guild = event.getGuild();
        Message message = event.getTarget();
        work.run(
                guild.getIdLong(),
                "report message",
                () -> answer(
                        event.getHook()::editOriginal,
                        () -> file(
                                guild,
                                event.getUser(),
                                message.getAuthor(),
                                message.getChannel().getId(),
                                message,
                                texts.in(guild, "report.messageReason"),
                                event.getUserLocale()),
                        event.getUserLocale()));
    }

    private String file(
            Guild guild,
            User reporter,
            User target,
            String channel,
            Message message,
            String reason,
            DiscordLocale locale) {
        ModerationSettings.ReportSettings settings =
                policies.current(GuildId.of(guild.getIdLong())).moderation().reports();
        GuildMessageChannel desk = settings.channel() == null
                ? guild.getSystemChannel()
                : guild.getChannelById(GuildMessageChannel.class, settings.channel());
        if (desk == null
                || !guild.getSelfMember().hasPermission(desk, Permission.VIEW_CHANNEL, Permission.MESSAGE_SEND)) {
            return texts.in(locale, "error.report.noChannel");
        }
        Deque<Instant> filed = recent.computeIfAbsent(guild.getId() + ":" + reporter.getId(), k -> new ArrayDeque<>());
        Instant now = Instant.now();
        while (!filed.isEmpty() && filed.peekFirst().isBefore(now.minus(HOUR))) filed.pollFirst();
        if (filed.size() >= settings.perHour()) return texts.in(locale, "error.report.tooMany", settings.perHour());
        String reportId = UUID.randomUUID().toString().substring(0, 8);
        String excerpt = message == null ? null : message.getContentRaw();
        commands.sendAndWait(new FileReport(
                reportId,
                GuildId.of(guild.getIdLong()),
                UserId.of(reporter.getIdLong()),
                UserId.of(target.getIdLong()),
                channel,
                message == null ? null : message.getId(),
                excerpt == null || excerpt.length() <= FileReport.MAX_EXCERPT
                        ? excerpt
                        : excerpt.substring(0, FileReport.MAX_EXCERPT),
                reason,
                now));
        filed.addLast(now);
        String text = texts.in(guild, "report.posted", reportId, reporter.getId(), target.getId(), reason.strip())
                + (message == null
                        ? ""
                        : "\n"
                                + texts.in(
                                        guild,
                                        "report.message",
                                        message.getJumpUrl(),
                                        excerpt == null ? "" : quote(excerpt)));
        desk.sendMessage(text)
                .setAllowedMentions(List.of())
                .setComponents(ActionRow.of(
                        Button.primary(BUTTON + ":claim:" + reportId, texts.in(guild, "report.button.claim")),
                        Button.success(BUTTON + ":resolve:" + reportId, texts.in(guild, "report.button.resolve")),
                        Button.secondary(BUTTON + ":dismiss:" + reportId, texts.in(guild, "report.button.dismiss"))))
                .complete();
        return texts.in(locale, "command.report.filed", reportId);
    }

    private static String quote(String text) {
        String clipped =
                text.length() > FileReport.MAX_EXCERPT ? text.substring(0, FileReport.MAX_EXCERPT) + "…" : text;
        return "> " + clipped.replace("\n", "\n> ");
    }

    @Override
    public void onButtonInteraction(ButtonInteractionEvent event) {
        String[] parts = event.getComponentId().split(":");
        if (parts.length != 3 || !parts[0].equals(BUTTON) || event.getGuild() == null || event.getMember() == null)
            return;
        event.deferReply(true).queue();
        Guild guild = event.getGuild();
        work.run(
                guild.getIdLong(),
                "report button",
                () -> answer(
                        event.getHook()::editOriginal,
                        () -> act(event, guild, parts[1], parts[2]),
                        event.getUserLocale()));
    }

    private String act(ButtonInteractionEvent event, Guild guild, String action, String reportId) {
        DiscordLocale locale = event.getUserLocale();
        if (!event.getMember().hasPermission(Permission.MODERATE_MEMBERS))
            return texts.in(locale, "report.button.notAllowed");
        UserId moderator = UserId.of(event.getUser().getIdLong());
        GuildId id = GuildId.of(guild.getIdLong());
        Message message = event.getMessage();
        if (action.equals("claim")) {
            commands.sendAndWait(new ClaimReport(reportId, id, moderator, Instant.now()));
            // through the channel, not the click's token: a card is handled long after the 15 minutes a token lives
            message.getChannel()
                    .editMessageById(
                            message.getId(),
                            message.getContentRaw() + "\n" + texts.in(guild, "report.claimedBy", moderator.toString()))
                    .setAllowedMentions(List.of())
                    .queue(null, error -> log.debug("Report message not edited: {}", error.getMessage()));
            return texts.in(locale, "report.button.claimed", reportId);
        }
        boolean resolved = action.equals("resolve");
        UserId reporter = commands.sendAndWait(new CloseReport(reportId, id, moderator, resolved, null, Instant.now()));
        message.getChannel()
                .editMessageById(
                        message.getId(),
                        message.getContentRaw() + "\n"
                                + texts.in(
                                        guild,
                                        resolved ? "report.resolvedBy" : "report.dismissedBy",
                                        moderator.toString()))
                .setComponents()
                .setAllowedMentions(List.of())
                .queue(null, error -> log.debug("Report message not edited: {}", error.getMessage()));
        guild.getJDA()
                .openPrivateChannelById(reporter.value())
                .flatMap(dm -> dm.sendMessage(texts.in(
                        guild, resolved ? "report.dm.resolved" : "report.dm.dismissed", reportId, guild.getName())))
                .queue(null, error -> log.debug("Reporter not told: {}", error.getMessage()));
        return texts.in(locale, resolved ? "report.button.resolved" : "report.button.dismissed", reportId);
    }

    private void answer(
            java.util.function.Function<
                            String, net.dv8tion.jda.api.requests.restaction.WebhookMessageEditAction<Message>>
                    reply,
            java.util.function.Supplier<String> action,
            DiscordLocale locale) {
        String text;
        try {
            text = action.get();
        } catch (LocalizedException | CommandExecutionException e) {
            String refusal = texts.refusal(locale, e);
            text = refusal != null ? refusal : texts.in(locale, "error.internal");
        }
        reply.apply(text)
                .setAllowedMentions(List.of())
                .queue(null, error -> log.debug("Not answered: {}", error.getMessage()));
    }
}
