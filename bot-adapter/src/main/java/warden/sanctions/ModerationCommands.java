package warden.sanctions;

import static warden.discord.SlashCommandCatalog.choices;
import static warden.discord.SlashCommandCatalog.command;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.entities.User;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.interactions.DiscordLocale;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.CommandData;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandData;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;
import warden.common.Actor;
import warden.common.Durations;
import warden.common.GuildId;
import warden.common.MemberKey;
import warden.common.UserId;
import warden.config.GuildPolicies;
import warden.config.ModerationSettings;
import warden.discord.ConditionalOnDiscord;
import warden.discord.GuildTexts;
import warden.discord.SlashCommands;
import warden.ledger.ExplainSanction;
import warden.ledger.FindInfractionLog;
import warden.ledger.FindMemberStanding;
import warden.ledger.FindSanctions;
import warden.ledger.HistoryEntry;
import warden.ledger.HistoryPage;
import warden.ledger.MemberStanding;
import warden.ledger.SanctionExplanation;
import warden.ledger.SanctionPage;
import warden.platform.Commands;
import warden.platform.QueryResults;

/**
 * The moderation commands: {@code /warn}, {@code /timeout}, {@code /kick}, {@code /ban}, {@code /unban},
 * {@code /unmute}, {@code /mod} (presets), {@code /note}, {@code /evidence}, {@code /pardon}, {@code /infractions},
 * {@code /sanctions}, {@code /why} and {@code /sanction} (edit, re-time, remove, reset).
 */
@Component
@ConditionalOnDiscord
public class ModerationCommands implements SlashCommands {

    private static final int PAGE_SIZE = 10;

    private final Cases cases;
    private final Commands commands;
    private final QueryGateway queries;
    private final GuildTexts texts;
    private final GuildPolicies policies;
    private final warden.evidence.EvidenceImages images;

    ModerationCommands(
            Cases cases,
            Commands commands,
            QueryGateway queries,
            GuildTexts texts,
            GuildPolicies policies,
            warden.evidence.EvidenceImages images) {
        this.cases = cases;
        this.policies = policies;
        this.images = images;
        this.commands = commands;
        this.queries = queries;
        this.texts = texts;
    }

    @Override
    public List<CommandData> commands() {
        return List.of(
                command("warn", Permission.MODERATE_MEMBERS)
                        .addOption(OptionType.USER, "member", "Member", true)
                        .addOption(OptionType.STRING, "reason", "Reason", true),
                command("timeout", Permission.MODERATE_MEMBERS)
                        .addOption(OptionType.USER, "member", "Member", true)
                        .addOption(OptionType.STRING, "duration", "Duration", true)
                        .addOption(OptionType.STRING, "reason", "Reason"),
                command("kick", Permission.KICK_MEMBERS)
                        .addOption(OptionType.USER, "member", "Member", true)
                        .addOption(OptionType.STRING, "reason", "Reason"),
                command("ban", Permission.BAN_MEMBERS)
                        .addOption(OptionType.USER, "user", "User", true)
                        .addOption(OptionType.STRING, "duration", "Duration")
                        .addOption(OptionType.STRING, "reason", "Reason")
                        .addOptions(new OptionData(OptionType.INTEGER, "delete_days", "Delete days")
                                .setRequiredRange(0, 7)),
                // each preset carries its own grants, checked when it runs
                command("mod", null)
                        .addOptions(new OptionData(OptionType.STRING, "preset", "Preset", true, true))
                        .addOption(OptionType.USER, "member", "Member", true)
                        .addOption(OptionType.STRING, "reason", "Reason"),
                command("evidence", Permission.MODERATE_MEMBERS)
                        .addSubcommands(
                                new SubcommandData("add", "Add")
                                        .addOptions(
                                                new OptionData(OptionType.USER, "member", "Member", true),
                                                choices(
                                                        new OptionData(OptionType.STRING, "target", "Target", true),
                                                        null,
                                                        "sanction",
                                                        "infraction"),
                                                new OptionData(OptionType.STRING, "id", "Id", true, true),
                                                new OptionData(OptionType.ATTACHMENT, "image", "Image", true)),
                                new SubcommandData("remove", "Remove")
                                        .addOptions(
                                                new OptionData(OptionType.USER, "member", "Member", true),
                                                choices(
                                                        new OptionData(OptionType.STRING, "target", "Target", true),
                                                        null,
                                                        "sanction",
                                                        "infraction"),
                                                new OptionData(OptionType.STRING, "id", "Id", true, true),
                                                new OptionData(OptionType.STRING, "sha256", "SHA-256", true))),
                command("note", Permission.MODERATE_MEMBERS)
                        .addOption(OptionType.USER, "member", "Member", true)
                        .addOption(OptionType.STRING, "text", "Text", true),
                command("sanctions", Permission.MODERATE_MEMBERS)
                        .addOption(OptionType.USER, "member", "Member")
                        .addOptions(choices(
                                new OptionData(OptionType.STRING, "kind", "Kind"),
                                null,
                                Arrays.stream(SanctionKind.values())
                                        .map(k -> k.name().toLowerCase(Locale.ROOT))
                                        .toArray(String[]::new)))
                        .addOption(OptionType.USER, "moderator", "Moderator")
                        .addOption(OptionType.BOOLEAN, "active", "Active")
                        .addOption(OptionType.STRING, "search", "Search")
                        .addOptions(new OptionData(OptionType.INTEGER, "page", "Page").setMinValue(1))
                        .addOption(OptionType.BOOLEAN, "public", "Public"),
                command("unban", Permission.BAN_MEMBERS)
                        .addOption(OptionType.USER, "user", "User", true)
                        .addOption(OptionType.STRING, "reason", "Reason"),
                command("pardon", Permission.MODERATE_MEMBERS)
                        .addOption(OptionType.USER, "member", "Member", true)
                        .addOption(OptionType.STRING, "infraction", "Infraction", true, true)
                        .addOption(OptionType.STRING, "reason", "Reason"),
                command("infractions", Permission.MODERATE_MEMBERS)
                        .addOption(OptionType.USER, "member", "Member", true)
                        .addOptions(new OptionData(OptionType.INTEGER, "page", "Page").setMinValue(1)),
                command("why", Permission.MODERATE_MEMBERS)
                        .addOption(OptionType.STRING, "sanction", "Sanction", true, true),
                command("unmute", Permission.MODERATE_MEMBERS)
                        .addOption(OptionType.USER, "member", "Member", true)
                        .addOption(OptionType.STRING, "reason", "Reason"),
                command("sanction", Permission.MODERATE_MEMBERS)
                        .addSubcommands(
                                new SubcommandData("edit", "Edit")
                                        .addOptions(
                                                new OptionData(OptionType.USER, "member", "Member", true),
                                                new OptionData(OptionType.STRING, "sanction", "Sanction", true, true),
                                                choices(
                                                        new OptionData(OptionType.STRING, "field", "Field", true),
                                                        null,
                                                        "reason",
                                                        "context"),
                                                new OptionData(OptionType.STRING, "text", "Text", true)),
                                new SubcommandData("retime", "Retime")
                                        .addOptions(
                                                new OptionData(OptionType.USER, "member", "Member", true),
                                                new OptionData(OptionType.STRING, "sanction", "Sanction", true, true),
                                                new OptionData(OptionType.STRING, "duration", "Duration", true),
                                                new OptionData(OptionType.STRING, "reason", "Reason")),
                                new SubcommandData("remove", "Remove")
                                        .addOptions(
                                                new OptionData(OptionType.USER, "member", "Member", true),
                                                new OptionData(OptionType.STRING, "sanction", "Sanction", true, true),
                                                new OptionData(OptionType.STRING, "reason", "Reason")),
                                new SubcommandData("reset", "Reset")
                                        .addOptions(
                                                new OptionData(OptionType.USER, "member", "Member", true),
                                                new OptionData(OptionType.STRING, "confirm", "Confirm", true),
                                                new OptionData(OptionType.STRING, "reason", "Reason")),
                                new SubcommandData("reset-server", "Reset server")
                                        .addOptions(
                                                new OptionData(OptionType.STRING, "confirm", "Confirm", true),
                                                new OptionData(OptionType.STRING, "reason", "Reason"))));
    }

    @Override
    public String run(SlashCommandInteractionEvent event) {
        DiscordLocale locale = event.getUserLocale();
        GuildId guild = GuildId.of(event.getGuild().getIdLong());
        Actor moderator = Actor.moderator(UserId.of(event.getUser().getIdLong()));
        return switch (event.getName()) {
            case "warn" -> sanction(event, "member", SanctionSpec.of(SanctionKind.WARN), moderator);
            case "timeout" ->
                sanction(
                        event,
                        "member",
                        SanctionSpec.timeout(
                                Durations.parse(event.getOption("duration").getAsString())),
                        moderator);
            case "kick" -> sanction(event, "member", SanctionSpec.of(SanctionKind.KICK), moderator);
            case "ban" ->
                sanction(
                        event,
                        "user",
                        SanctionSpec.ban(duration(event.getOption("duration")))
                                .deletingMessages(
                                        event.getOption("delete_days") == null
                                                ? null
                                                : event.getOption("delete_days").getAsInt()),
                        moderator);
            case "note" -> {
                User user = event.getOption("member").getAsUser();
                commands.sendAndWait(new AddNote(
                        key(guild, user),
                        NoteId.of("cmd:" + event.getInteraction().getId()),
                        moderator,
                        event.getOption("text").getAsString(),
                        Instant.now()));
                yield texts.in(locale, "command.note.done", user.getAsMention());
            }
            case "sanctions" -> sanctions(event, guild, locale);
            case "mod" -> preset(event, guild, moderator, locale);
            case "evidence" -> evidence(event, guild, moderator, locale);
            case "unban" -> sanction(event, "user", SanctionSpec.of(SanctionKind.UNBAN), moderator);
            case "pardon" -> {
                User user = event.getOption("member").getAsUser();
                InfractionId infraction = InfractionId.of(cases.refOf(
                        guild, event.getOption("infraction").getAsString(), "infraction", user.getIdLong()));
                commands.sendAndWait(
                        new PardonInfraction(key(guild, user), infraction, moderator, reason(event), Instant.now()));
                yield texts.in(locale, "command.pardon.done", infraction, user.getAsMention());
            }
            case "infractions" -> infractions(event, guild, locale);
            case "why" -> why(event, guild, locale);
            case "sanction" -> manage(event, guild, moderator, locale);
            case "unmute" -> unmute(event, guild, moderator, locale);
            default -> texts.in(locale, "command.error.unknown", event.getName());
        };
    }

    private String sanction(SlashCommandInteractionEvent event, String option, SanctionSpec spec, Actor moderator) {
        User user = event.getOption(option).getAsUser();
        // a moderator who ran the same command again (Discord said the application did not respond) gets the first one
        SanctionId id = commands.sendAndWait(new ImposeSanction(
                key(GuildId.of(event.getGuild().getIdLong()), user),
                SanctionId.of("cmd:" + event.getInteraction().getId()),
                spec,
                moderator,
                reason(event),
                Instant.now(),
                null));
        return texts.in(
                event.getUserLocale(),
                "command.sanction.done." + spec.kind().name().toLowerCase(),
                user.getAsMention(),
                cases.label(GuildId.of(event.getGuild().getIdLong()), id.value()),
                spec.duration() == null ? "" : Durations.format(spec.duration()));
    }

    private String infractions(SlashCommandInteractionEvent event, GuildId guild, DiscordLocale locale) {
        User user = event.getOption("member").getAsUser();
        int page = event.getOption("page") == null
                ? 0
                : Math.max(0, event.getOption("page").getAsInt() - 1);
        HistoryPage history = QueryResults.join(queries.query(
                new FindInfractionLog(key(guild, user), null, null, null, page, PAGE_SIZE),
                ResponseTypes.instanceOf(HistoryPage.class)));
        if (history.total() == 0) return texts.in(locale, "command.infractions.none", user.getAsMention());
        long pages = (history.total() + PAGE_SIZE - 1) / PAGE_SIZE;
        String lines = history.entries().stream().map(e -> line(e, locale)).collect(Collectors.joining("\n"));
        return texts.in(locale, "command.infractions.header", user.getAsMention(), history.total(), page + 1, pages)
                + "\n" + lines;
    }

    private String line(HistoryEntry e, DiscordLocale locale) {
        String what = e.infractionType() != null
                ? e.infractionType().name().toLowerCase()
                : e.sanctionKind() != null ? e.sanctionKind().name().toLowerCase() : "";
        return texts.in(
                locale,
                "command.infractions.line",
                "<t:" + e.occurredAt().getEpochSecond() + ":f>",
                texts.in(locale, "history." + e.eventType()),
                what,
                e.refId(),
                e.reason() == null ? "" : e.reason(),
                e.pardoned() ? texts.in(locale, "command.infractions.pardoned") : "",
                e.caseNumber() == null ? "" : "#" + e.caseNumber() + " ");
    }

    private String why(SlashCommandInteractionEvent event, GuildId guild, DiscordLocale locale) {
        SanctionId id =
                SanctionId.of(cases.refOf(guild, event.getOption("sanction").getAsString(), "sanction", null));
        SanctionExplanation x = QueryResults.join(
                queries.query(new ExplainSanction(guild, id), ResponseTypes.instanceOf(SanctionExplanation.class)));
        if (x.rule() == null) {
            return texts.in(
                            locale,
                            "command.why.manual",
                            x.kind().name().toLowerCase(),
                            x.decidedBy(),
                            x.reason() == null ? "-" : x.reason(),
                            x.status())
                    + trail(x, locale);
        }
        String counted = x.counted().stream()
                .map(c -> texts.in(
                        locale,
                        "command.why.counted",
                        c.infractionId(),
                        c.type() == null ? "?" : c.type().name().toLowerCase(),
                        c.occurredAt() == null ? "?" : "<t:" + c.occurredAt().getEpochSecond() + ":f>"))
                .collect(Collectors.joining("\n"));
        return texts.in(
                        locale,
                        "command.why.rule",
                        x.kind().name().toLowerCase(),
                        x.rule().ruleId(),
                        x.rule().threshold(),
                        x.rule().countedType() == null
                                ? "any"
                                : x.rule().countedType().name().toLowerCase(),
                        Durations.format(x.rule().window()),
                        x.rule().policyVersion(),
                        x.status())
                + "\n" + counted + trail(x, locale);
    }

    /** The context, each change since the decision, and a removal: what a moderator needs to trust the entry. */
    private String trail(SanctionExplanation x, DiscordLocale locale) {
        StringBuilder out = new StringBuilder();
        if (x.context() != null) out.append('\n').append(texts.in(locale, "command.why.context", x.context()));
        for (SanctionExplanation.Change c : x.changes()) {
            out.append('\n')
                    .append(texts.in(
                            locale,
                            "command.why.change",
                            String.valueOf(c.at().getEpochSecond()),
                            c.by(),
                            c.what().toLowerCase(java.util.Locale.ROOT),
                            c.before() == null ? "-" : c.before(),
                            c.after() == null ? "-" : c.after()));
        }
        for (warden.sanctions.EvidenceImage image : x.images()) {
            out.append('\n')
                    .append(texts.in(
                            locale,
                            "command.why.image",
                            image.url(),
                            String.valueOf(Math.max(1, image.size() / 1024)),
                            image.sha256().substring(0, 12)));
        }
        if (x.removed() != null) {
            out.append('\n')
                    .append(texts.in(
                            locale,
                            "command.why.removed",
                            x.removed().by(),
                            String.valueOf(x.removed().at().getEpochSecond()),
                            x.removed().reason() == null ? "-" : x.removed().reason()));
        }
        return out.toString();
    }

    /** {@code /sanction edit|retime|remove|reset}: sanctions managed after the fact, each change its own event. */
    private String manage(SlashCommandInteractionEvent event, GuildId guild, Actor moderator, DiscordLocale locale) {
        String sub = String.valueOf(event.getSubcommandName());
        Instant now = Instant.now();
        if (sub.equals("reset-server")) {
            if (!event.getMember().hasPermission(net.dv8tion.jda.api.Permission.ADMINISTRATOR)) {
                return texts.in(
                        locale, "command.error.permission", net.dv8tion.jda.api.Permission.ADMINISTRATOR.getName());
            }
            if (!event.getGuild()
                    .getId()
                    .equals(event.getOption("confirm").getAsString().strip())) {
                return texts.in(locale, "error.sanction.serverResetConfirm");
            }
            String resetId = "server-reset:" + event.getInteraction().getId();
            commands.sendAndWait(
                    new warden.sanctions.ResetGuildSanctions(guild, resetId, moderator, reason(event), now));
            return texts.in(locale, "command.sanction.serverReset", resetId);
        }
        if (sub.equals("reset")) {
            if (!event.getMember().hasPermission(net.dv8tion.jda.api.Permission.MANAGE_SERVER)) {
                return texts.in(
                        locale, "command.error.permission", net.dv8tion.jda.api.Permission.MANAGE_SERVER.getName());
            }
            User user = event.getOption("member").getAsUser();
            if (!user.getId().equals(event.getOption("confirm").getAsString().strip())) {
                return texts.in(locale, "error.sanction.resetConfirm");
            }
            String resetId = "reset:" + event.getInteraction().getId();
            commands.sendAndWait(new ResetMemberSanctions(key(guild, user), resetId, moderator, reason(event), now));
            return texts.in(locale, "command.sanction.reset", user.getAsMention(), resetId);
        }
        MemberKey member = key(guild, event.getOption("member").getAsUser());
        SanctionId id = SanctionId.of(cases.refOf(
                guild,
                event.getOption("sanction").getAsString(),
                "sanction",
                member.user().value()));
        String named = cases.label(guild, id.value());
        return switch (sub) {
            case "edit" -> {
                SanctionText field = SanctionText.valueOf(
                        event.getOption("field").getAsString().toUpperCase(java.util.Locale.ROOT));
                commands.sendAndWait(new EditSanctionText(
                        member, id, field, event.getOption("text").getAsString(), moderator, now));
                yield texts.in(
                        locale, "command.sanction.edited", named, field.name().toLowerCase(java.util.Locale.ROOT));
            }
            case "retime" -> {
                java.time.Duration duration =
                        Durations.parse(event.getOption("duration").getAsString());
                commands.sendAndWait(new RetimeSanction(member, id, duration, null, moderator, reason(event), now));
                yield texts.in(
                        locale,
                        "command.sanction.retimed",
                        named,
                        String.valueOf(now.plus(duration).getEpochSecond()));
            }
            case "remove" -> {
                commands.sendAndWait(new RemoveSanction(member, id, moderator, reason(event), now));
                yield texts.in(locale, "command.sanction.removed", named);
            }
            default -> texts.in(locale, "command.error.unknown", sub);
        };
    }

    /** {@code /sanctions}: the server's sanctions with the REST API's filters; {@code public} also posts them in the channel. */
    private String sanctions(SlashCommandInteractionEvent event, GuildId guild, DiscordLocale locale) {
        OptionMapping member = event.getOption("member");
        OptionMapping kind = event.getOption("kind");
        OptionMapping moderator = event.getOption("moderator");
        OptionMapping active = event.getOption("active");
        OptionMapping search = event.getOption("search");
        int page = event.getOption("page") == null
                ? 0
                : Math.max(0, event.getOption("page").getAsInt() - 1);
        SanctionPage found = QueryResults.join(queries.query(
                new FindSanctions(
                        guild,
                        member == null ? null : UserId.of(member.getAsUser().getIdLong()),
                        kind == null
                                ? null
                                : SanctionKind.valueOf(kind.getAsString().toUpperCase(java.util.Locale.ROOT)),
                        moderator == null ? null : moderator.getAsUser().getId(),
                        active == null ? null : active.getAsBoolean(),
                        null,
                        null,
                        search == null ? null : search.getAsString(),
                        false,
                        page,
                        PAGE_SIZE),
                ResponseTypes.instanceOf(SanctionPage.class)));
        String answer;
        if (found.total() == 0) {
            answer = texts.in(locale, "command.sanctions.none");
        } else {
            long pages = (found.total() + PAGE_SIZE - 1) / PAGE_SIZE;
            String lines = found.entries().stream()
                    .map(e -> texts.in(
                            locale,
                            "command.sanctions.line",
                            String.valueOf(e.decidedAt().getEpochSecond()),
                            e.caseNumber() == null ? e.sanctionId() : "#" + e.caseNumber(),
                            e.kind().name().toLowerCase(java.util.Locale.ROOT),
                            e.userId(),
                            e.decidedBy(),
                            e.active() ? texts.in(locale, "command.sanctions.active") : "",
                            e.reason() == null ? "-" : e.reason()))
                    .collect(Collectors.joining("\n"));
            answer = texts.in(
                            locale,
                            "command.sanctions.header",
                            member == null ? "" : member.getAsUser().getAsMention(),
                            found.total(),
                            page + 1,
                            pages)
                    + "\n" + lines;
        }
        OptionMapping publicly = event.getOption("public");
        if (publicly != null
                ? publicly.getAsBoolean()
                : policies.current(guild).moderation().showPublicly()) {
            String shown = answer.length() > 1900 ? answer.substring(0, 1900) + "…" : answer;
            event.getChannel()
                    .sendMessage(shown)
                    .setAllowedMentions(java.util.List.of())
                    .queue(
                            null,
                            error -> org.slf4j.LoggerFactory.getLogger(ModerationCommands.class)
                                    .warn("Could not post /sanctions publicly: {}", error.getMessage()));
        }
        return answer;
    }

    /** The Discord permission a sanction of this kind needs, unless a preset grants it to one of the member's roles. */
    private static net.dv8tion.jda.api.Permission permissionFor(SanctionKind kind) {
        return switch (kind) {
            case KICK -> net.dv8tion.jda.api.Permission.KICK_MEMBERS;
            case BAN, UNBAN -> net.dv8tion.jda.api.Permission.BAN_MEMBERS;
            default -> net.dv8tion.jda.api.Permission.MODERATE_MEMBERS;
        };
    }

    private static boolean mayUse(net.dv8tion.jda.api.entities.Member member, ModerationSettings.Preset preset) {
        return member.hasPermission(permissionFor(preset.kind()))
                || member.getRoles().stream()
                        .anyMatch(r -> preset.roles().contains(warden.common.RoleId.of(r.getIdLong())));
    }

    /** {@code /mod preset member}: a predefined sanction, usable by the roles it is granted to. */
    private String preset(SlashCommandInteractionEvent event, GuildId guild, Actor moderator, DiscordLocale locale) {
        String name = event.getOption("preset").getAsString();
        ModerationSettings.Preset preset = policies.current(guild)
                .moderation()
                .preset(name)
                .orElseThrow(() -> new warden.common.CommandRefusedException("error.preset.unknown", name));
        if (!mayUse(event.getMember(), preset)) {
            return texts.in(
                    locale,
                    "error.preset.denied",
                    preset.name(),
                    permissionFor(preset.kind()).getName());
        }
        User user = event.getOption("member").getAsUser();
        String extra = reason(event);
        String reason =
                preset.reason() == null ? extra : extra == null ? preset.reason() : preset.reason() + " — " + extra;
        SanctionId id = commands.sendAndWait(new ImposeSanction(
                key(guild, user),
                SanctionId.of("cmd:" + event.getInteraction().getId()),
                preset.spec().validate(),
                moderator,
                reason,
                Instant.now(),
                null));
        return texts.in(locale, "command.mod.done", user.getAsMention(), preset.name(), cases.label(guild, id.value()));
    }

    /** The presets this member may use, for {@code /mod}'s autocomplete. */
    @Override
    public java.util.List<String> proposals(
            net.dv8tion.jda.api.events.interaction.command.CommandAutoCompleteInteractionEvent event) {
        String focused = event.getFocusedOption().getName();
        if (!event.getName().equals("mod")) {
            GuildId guild = GuildId.of(event.getGuild().getIdLong());
            var member = event.getOption("member");
            Long user = member == null ? null : Long.parseUnsignedLong(member.getAsString());
            String kind = focused.equals("infraction")
                    ? "infraction"
                    : focused.equals("id") && event.getOption("target") != null
                            ? event.getOption("target").getAsString()
                            : "sanction";
            String typed = event.getFocusedOption().getValue().strip();
            return cases.proposals(guild, kind, user).stream()
                    .filter(p -> p.contains(typed))
                    .toList();
        }
        String typed = event.getFocusedOption().getValue().toLowerCase(java.util.Locale.ROOT);
        return policies.current(GuildId.of(event.getGuild().getIdLong())).moderation().presets().stream()
                .filter(p -> mayUse(event.getMember(), p))
                .map(ModerationSettings.Preset::name)
                .filter(n ->
                        typed.isEmpty() || n.toLowerCase(java.util.Locale.ROOT).contains(typed))
                .toList();
    }

    /** {@code /evidence add|remove}: an image attached to the command, fetched, checked and kept by reference. */
    private String evidence(SlashCommandInteractionEvent event, GuildId guild, Actor moderator, DiscordLocale locale) {
        MemberKey member = key(guild, event.getOption("member").getAsUser());
        warden.sanctions.EvidenceTarget target = warden.sanctions.EvidenceTarget.valueOf(
                event.getOption("target").getAsString().toUpperCase(java.util.Locale.ROOT));
        String what = event.getOption("target").getAsString();
        String id = cases.refOf(
                guild, event.getOption("id").getAsString(), what, member.user().value());
        String named = cases.label(guild, id);
        if ("remove".equals(event.getSubcommandName())) {
            String sha = event.getOption("sha256").getAsString().strip().toLowerCase(java.util.Locale.ROOT);
            commands.sendAndWait(
                    new warden.sanctions.DetachEvidenceImage(member, target, id, sha, moderator, Instant.now()));
            return texts.in(
                    locale, "command.evidence.removed", what, named, sha.substring(0, Math.min(12, sha.length())));
        }
        warden.sanctions.EvidenceImage image =
                images.fetch(event.getOption("image").getAsAttachment().getUrl());
        commands.sendAndWait(
                new warden.sanctions.AttachEvidenceImage(member, target, id, image, moderator, Instant.now()));
        return texts.in(
                locale,
                "command.evidence.added",
                what,
                named,
                String.valueOf(Math.max(1, image.size() / 1024)),
                image.sha256().substring(0, 12));
    }

    /** {@code /unmute}: lifts the member's timeouts that Warden holds in force. */
    private String unmute(SlashCommandInteractionEvent event, GuildId guild, Actor moderator, DiscordLocale locale) {
        User user = event.getOption("member").getAsUser();
        Instant now = Instant.now();
        MemberStanding standing = QueryResults.join(queries.query(
                new FindMemberStanding(key(guild, user), now), ResponseTypes.instanceOf(MemberStanding.class)));
        var timeouts = standing.activeSanctions().stream()
                .filter(s -> s.kind() == SanctionKind.TIMEOUT)
                .toList();
        if (timeouts.isEmpty()) return texts.in(locale, "command.unmute.none", user.getAsMention());
        for (var timeout : timeouts) {
            commands.sendAndWait(new LiftSanction(
                    key(guild, user), SanctionId.of(timeout.sanctionId()), moderator, reason(event), now));
        }
        return texts.in(locale, "command.unmute.done", user.getAsMention());
    }

    private static java.time.Duration duration(OptionMapping option) {
        return option == null ? null : Durations.parse(option.getAsString());
    }

    private static String reason(SlashCommandInteractionEvent event) {
        OptionMapping reason = event.getOption("reason");
        return reason == null ? null : reason.getAsString();
    }

    private static MemberKey key(GuildId guild, User user) {
        return new MemberKey(guild, UserId.of(user.getIdLong()));
    }
}
