package warden.federation;

import static warden.discord.SlashCommandCatalog.choices;
import static warden.discord.SlashCommandCatalog.command;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.entities.Member;
import net.dv8tion.jda.api.entities.User;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.exceptions.ErrorResponseException;
import net.dv8tion.jda.api.interactions.DiscordLocale;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.CommandData;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandData;
import net.dv8tion.jda.api.requests.ErrorResponse;
import org.springframework.stereotype.Component;
import warden.common.Actor;
import warden.common.CommandRefusedException;
import warden.common.GuildId;
import warden.common.InvalidValueException;
import warden.common.LocalizedException;
import warden.common.UserId;
import warden.discord.ConditionalOnDiscord;
import warden.discord.GuildTexts;
import warden.discord.SlashCommands;
import warden.interserver.FrequencySecret;
import warden.platform.Commands;

/**
 * {@code /federation}: create, invite, join, leave, status, mode, never-ban, ban, revoke, unban-everywhere, ignore,
 * suspend, preview. Publishing and answering the list need Ban Members (Discord's default for the command); what
 * changes the server's membership or settings needs Manage Server, checked here.
 */
@Component
@ConditionalOnDiscord
public class FederationCommands implements SlashCommands {

    static final Duration INVITE_VALIDITY = Duration.ofHours(24);
    private static final int LIST_LINES = 15;

    private final Commands commands;
    private final FederationEnforcer enforcer;
    private final GuildTexts texts;

    FederationCommands(Commands commands, FederationEnforcer enforcer, GuildTexts texts) {
        this.commands = commands;
        this.enforcer = enforcer;
        this.texts = texts;
    }

    @Override
    public List<CommandData> commands() {
        return List.of(command("federation", net.dv8tion.jda.api.Permission.BAN_MEMBERS)
                .addSubcommands(
                        new SubcommandData("create", "Create")
                                .addOptions(new OptionData(OptionType.STRING, "name", "Name", true).setMaxLength(100)),
                        new SubcommandData("invite", "Invite").addOption(OptionType.BOOLEAN, "publish", "Publish"),
                        new SubcommandData("join", "Join").addOption(OptionType.STRING, "code", "Code", true),
                        new SubcommandData("leave", "Leave"),
                        new SubcommandData("status", "Status"),
                        new SubcommandData("mode", "Mode")
                                .addOptions(
                                        choices(
                                                new OptionData(OptionType.STRING, "mode", "Mode", true),
                                                null,
                                                "automatic",
                                                "alert",
                                                "approve"),
                                        new OptionData(OptionType.CHANNEL, "channel", "Channel")),
                        new SubcommandData("never-ban", "Never ban")
                                .addOption(OptionType.USER, "user", "User")
                                .addOption(OptionType.ROLE, "role", "Role")
                                .addOption(OptionType.BOOLEAN, "remove", "Remove"),
                        new SubcommandData("ban", "Ban")
                                .addOption(OptionType.USER, "user", "User", true)
                                .addOptions(
                                        new OptionData(OptionType.STRING, "reason", "Reason", true).setMaxLength(500))
                                .addOption(OptionType.STRING, "evidence", "Evidence"),
                        new SubcommandData("revoke", "Revoke").addOption(OptionType.STRING, "entry", "Entry", true),
                        new SubcommandData("unban-everywhere", "Unban everywhere")
                                .addOption(OptionType.USER, "user", "User", true),
                        new SubcommandData("ignore", "Ignore").addOption(OptionType.STRING, "entry", "Entry", true),
                        new SubcommandData("suspend", "Suspend")
                                .addOption(OptionType.STRING, "server", "Server", true)
                                .addOption(OptionType.BOOLEAN, "revert", "Revert"),
                        new SubcommandData("preview", "Preview"),
                        new SubcommandData("import-bans", "Import bans")
                                .addOptions(new OptionData(OptionType.INTEGER, "confirm", "Confirm").setMinValue(0)),
                        new SubcommandData("staff", "Staff").addOption(OptionType.ROLE, "role", "Role"),
                        new SubcommandData("team-access", "Team access")
                                .addOption(OptionType.BOOLEAN, "allowed", "Allowed", true),
                        new SubcommandData("act", "Act")
                                .addOption(OptionType.STRING, "server", "Server", true)
                                .addOption(OptionType.USER, "member", "Member", true)
                                .addOptions(
                                        choices(
                                                new OptionData(OptionType.STRING, "sanction", "Sanction", true),
                                                null,
                                                "warn",
                                                "timeout",
                                                "kick",
                                                "ban"),
                                        new OptionData(OptionType.STRING, "reason", "Reason", true).setMaxLength(500))
                                .addOption(OptionType.STRING, "duration", "Duration")));
    }

    @Override
    public String run(SlashCommandInteractionEvent event) {
        DiscordLocale locale = event.getUserLocale();
        Guild guild = event.getGuild();
        GuildId id = GuildId.of(guild.getIdLong());
        Member caller = event.getMember();
        Actor by = Actor.moderator(UserId.of(caller.getIdLong()));
        String sub = String.valueOf(event.getSubcommandName());
        if (Set.of("create", "invite", "join", "leave", "mode", "never-ban", "suspend", "staff", "team-access")
                        .contains(sub)
                && !caller.hasPermission(Permission.MANAGE_SERVER)) {
            return texts.in(locale, "error.federation.manageServer");
        }
        if (sub.equals("create")) {
            if (enforcer.federationOf(id).federationId() != null)
                throw new CommandRefusedException("error.federation.alreadyPartner");
            String federationId = UUID.randomUUID().toString().substring(0, 8);
            String name = event.getOption("name").getAsString().strip();
            commands.sendAndWait(new CreateFederation(federationId, name, id, by, Instant.now()));
            return texts.in(locale, "command.federation.created", name, federationId);
        }
        if (sub.equals("join")) return join(event, id, by, locale);
        FederationView view = enforcer.federationOf(id);
        if (view.federationId() == null) throw new CommandRefusedException("error.federation.notPartner");
        String fed = view.federationId();
        return switch (sub) {
            case "invite" -> invite(event, view, id, by, locale);
            case "leave" -> {
                commands.sendAndWait(new LeaveFederation(fed, id, by, Instant.now()));
                yield texts.in(locale, "command.federation.left", view.name());
            }
            case "mode" -> {
                EnforcementMode mode = EnforcementMode.valueOf(
                        event.getOption("mode").getAsString().toUpperCase(java.util.Locale.ROOT));
                // the option's value is the channel's id: no need for Discord to have resolved the channel object
                String channel = text(event, "channel");
                if (channel != null
                        && guild.getChannelById(
                                        net.dv8tion.jda.api.entities.channel.middleman.GuildMessageChannel.class,
                                        channel)
                                == null) {
                    throw InvalidValueException.forField("channel", "error.federation.channel");
                }
                commands.sendAndWait(new ChangeSubscription(fed, id, mode, channel, by, Instant.now()));
                yield texts.in(
                        locale,
                        "command.federation.mode." + mode.name().toLowerCase(java.util.Locale.ROOT),
                        channel == null ? "—" : "<#" + channel + ">");
            }
            case "never-ban" -> neverBan(event, view, id, by, locale);
            case "ban" -> {
                User user = event.getOption("user").getAsUser();
                String evidence = text(event, "evidence");
                List<String> links = evidence == null ? List.of() : List.of(evidence.split("\\s+"));
                String entryId = commands.sendAndWait(new PublishBan(
                        fed,
                        UUID.randomUUID().toString().substring(0, 8),
                        id,
                        UserId.of(user.getIdLong()),
                        event.getOption("reason").getAsString(),
                        links,
                        by,
                        Instant.now()));
                yield texts.in(locale, "command.federation.published", user.getAsMention(), entryId, view.name());
            }
            case "revoke" -> {
                String entryId = event.getOption("entry").getAsString().strip();
                commands.sendAndWait(new RevokeBan(fed, entryId, id, by, Instant.now()));
                yield texts.in(locale, "command.federation.revoked", entryId);
            }
            case "unban-everywhere" -> {
                User user = event.getOption("user").getAsUser();
                commands.sendAndWait(new UnbanEverywhere(fed, id, UserId.of(user.getIdLong()), by, Instant.now()));
                yield texts.in(locale, "command.federation.unbannedEverywhere", user.getAsMention());
            }
            case "ignore" -> {
                String entryId = event.getOption("entry").getAsString().strip();
                commands.sendAndWait(new OverrideEntry(fed, entryId, id, by, Instant.now()));
                yield texts.in(locale, "federation.button.ignored", entryId);
            }
            case "suspend" -> {
                GuildId partner =
                        GuildId.of(event.getOption("server").getAsString().strip());
                boolean revert = event.getOption("revert") != null
                        && event.getOption("revert").getAsBoolean();
                commands.sendAndWait(new SuspendPartner(fed, id, partner, revert, by, Instant.now()));
                yield texts.in(
                        locale,
                        revert ? "command.federation.suspendedReverted" : "command.federation.suspended",
                        partner.toString());
            }
            case "preview" -> preview(guild, view, locale);
            case "import-bans" -> importBans(event, guild, view, id, by, locale);
            case "staff" -> {
                String role = text(event, "role");
                commands.sendAndWait(new ChangeStaffRole(fed, id, role, by, Instant.now()));
                yield role == null
                        ? texts.in(locale, "command.federation.staffRemoved")
                        : texts.in(locale, "command.federation.staff", role);
            }
            case "team-access" -> {
                boolean allowed = event.getOption("allowed").getAsBoolean();
                commands.sendAndWait(new ChangeTeamAccess(fed, id, allowed, by, Instant.now()));
                yield texts.in(
                        locale,
                        allowed ? "command.federation.teamAccess.on" : "command.federation.teamAccess.off",
                        view.name());
            }
            case "act" -> act(event, view, caller, locale);
            default -> status(view, id, locale);
        };
    }

    /**
     * A member of the federation's team (the staff role, in the owner's server, where the command is run) sanctions a
     * member of a partner server that let the team act there; the sanction is recorded with the federation as source.
     */
    private String act(SlashCommandInteractionEvent event, FederationView view, Member caller, DiscordLocale locale) {
        if (!event.getGuild().getId().equals(view.owner())
                || view.staffRole() == null
                || caller.getRoles().stream().noneMatch(r -> r.getId().equals(view.staffRole()))) {
            throw new CommandRefusedException(
                    "error.federation.notTeam", view.staffRole() == null ? "—" : "<@&" + view.staffRole() + ">");
        }
        GuildId server = GuildId.of(event.getOption("server").getAsString().strip());
        FederationView.Partner partner = view.partner(server.toString());
        if (partner == null || !partner.teamAccess() || partner.suspended()) {
            throw new CommandRefusedException("error.federation.noTeamAccess", server.toString());
        }
        User user = event.getOption("member").getAsUser();
        warden.sanctions.SanctionKind kind = warden.sanctions.SanctionKind.valueOf(
                event.getOption("sanction").getAsString().toUpperCase(java.util.Locale.ROOT));
        String duration = text(event, "duration");
        warden.sanctions.SanctionSpec spec = switch (kind) {
            case TIMEOUT ->
                warden.sanctions.SanctionSpec.timeout(
                        warden.common.Durations.parse(duration == null ? "1h" : duration));
            case BAN ->
                warden.sanctions.SanctionSpec.ban(duration == null ? null : warden.common.Durations.parse(duration));
            default -> warden.sanctions.SanctionSpec.of(kind);
        };
        warden.sanctions.SanctionId sanction = commands.sendAndWait(new warden.sanctions.ImposeSanction(
                warden.common.MemberKey.of(server.value(), user.getIdLong()),
                warden.sanctions.SanctionId.of("fed:" + event.getInteraction().getId()),
                spec,
                Actor.federation(view.federationId(), UserId.of(caller.getIdLong())),
                event.getOption("reason").getAsString(),
                Instant.now(),
                null));
        return texts.in(
                locale,
                "command.federation.acted",
                sanction,
                kind.name().toLowerCase(java.util.Locale.ROOT),
                user.getId(),
                server.toString(),
                view.name());
    }

    private String join(SlashCommandInteractionEvent event, GuildId guild, Actor by, DiscordLocale locale) {
        if (enforcer.federationOf(guild).federationId() != null)
            throw new CommandRefusedException("error.federation.alreadyPartner");
        String code = event.getOption("code").getAsString().strip();
        int dash = code.indexOf('-');
        if (dash != 8) throw InvalidValueException.forField("code", "error.federation.badCode");
        String federationId = code.substring(0, dash).toLowerCase(java.util.Locale.ROOT);
        commands.sendAndWait(
                new JoinFederation(federationId, guild, hash(code.substring(dash + 1)), by, Instant.now()));
        return texts.in(locale, "command.federation.joined", federationId);
    }

    private String invite(
            SlashCommandInteractionEvent event, FederationView view, GuildId guild, Actor by, DiscordLocale locale) {
        boolean publish =
                event.getOption("publish") != null && event.getOption("publish").getAsBoolean();
        String secret = FrequencySecret.generate();
        String code = view.federationId() + "-" + secret;
        Instant expires = Instant.now().plus(INVITE_VALIDITY);
        // recorded first: a code that reaches the admin always works
        commands.sendAndWait(new InvitePartner(
                view.federationId(),
                guild,
                UUID.randomUUID().toString().substring(0, 8),
                hash(secret),
                publish,
                true,
                expires,
                by,
                Instant.now()));
        try {
            event.getUser()
                    .openPrivateChannel()
                    .flatMap(dm -> dm.sendMessage(texts.in(
                            locale,
                            "federation.dm.invite",
                            view.name(),
                            code,
                            String.valueOf(expires.getEpochSecond()))))
                    .complete();
        } catch (ErrorResponseException e) {
            if (e.getErrorResponse() == ErrorResponse.CANNOT_SEND_TO_USER)
                return texts.in(locale, "interserver.dm.closed", event.getUser().getAsMention());
            throw e;
        }
        return texts.in(locale, "command.federation.invited", String.valueOf(expires.getEpochSecond()));
    }

    private String neverBan(
            SlashCommandInteractionEvent event, FederationView view, GuildId guild, Actor by, DiscordLocale locale) {
        FederationView.Partner partner = view.partner(guild.toString());
        Set<String> users = new HashSet<>(partner.neverUsers());
        Set<String> roles = new HashSet<>(partner.neverRoles());
        boolean remove =
                event.getOption("remove") != null && event.getOption("remove").getAsBoolean();
        if (event.getOption("user") != null) {
            String user = event.getOption("user").getAsUser().getId();
            if (remove) users.remove(user);
            else users.add(user);
        }
        if (event.getOption("role") != null) {
            String role = event.getOption("role").getAsString();
            if (remove) roles.remove(role);
            else roles.add(role);
        }
        commands.sendAndWait(new ChangeNeverBan(
                view.federationId(),
                guild,
                users.stream().map(UserId::of).collect(Collectors.toSet()),
                roles,
                by,
                Instant.now()));
        return texts.in(
                locale,
                "command.federation.neverBan",
                users.isEmpty()
                        ? "—"
                        : users.stream().map(u -> "<@" + u + ">").sorted().collect(Collectors.joining(" ")),
                roles.isEmpty()
                        ? "—"
                        : roles.stream().map(r -> "<@&" + r + ">").sorted().collect(Collectors.joining(" ")));
    }

    private String preview(Guild guild, FederationView view, DiscordLocale locale) {
        List<FederationView.Entry> banned = enforcer.preview(guild, view);
        if (banned.isEmpty())
            return texts.in(
                    locale, "command.federation.preview.none", view.entries().size());
        return texts.in(
                        locale,
                        "command.federation.preview",
                        banned.size(),
                        view.entries().size()) + "\n"
                + banned.stream()
                        .limit(LIST_LINES)
                        .map(e -> texts.in(
                                locale, "command.federation.entry", e.entryId(), e.user(), e.reason(), e.publisher()))
                        .collect(Collectors.joining("\n"));
    }

    private String status(FederationView view, GuildId guild, DiscordLocale locale) {
        FederationView.Partner partner = view.partner(guild.toString());
        String entries = view.entries().stream()
                .limit(LIST_LINES)
                .map(e ->
                        texts.in(locale, "command.federation.entry", e.entryId(), e.user(), e.reason(), e.publisher()))
                .collect(Collectors.joining("\n"));
        return texts.in(
                        locale,
                        "command.federation.status",
                        view.name(),
                        view.federationId(),
                        view.partners().size(),
                        view.entries().size(),
                        partner.mode().name().toLowerCase(java.util.Locale.ROOT),
                        partner.publish() ? "✓" : "✗")
                + (entries.isEmpty() ? "" : "\n" + entries);
    }

    private static String text(SlashCommandInteractionEvent event, String option) {
        OptionMapping mapping = event.getOption(option);
        return mapping == null ? null : mapping.getAsString().strip();
    }

    /** The hash of an invitation's secret, as typed (spaces, dashes and case do not matter). */
    static String hash(String secret) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256")
                            .digest(FrequencySecret.normalize(secret).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        } catch (InvalidValueException e) {
            throw InvalidValueException.forField("code", "error.federation.badCode");
        }
    }

    /**
     * {@code /federation import-bans [confirm]}: the server's existing bans (Discord's ban list, every page), those not
     * on the shared list yet counted first (a dry run), then shared when the count is confirmed.
     */
    private String importBans(
            SlashCommandInteractionEvent event,
            Guild guild,
            FederationView view,
            GuildId id,
            Actor by,
            net.dv8tion.jda.api.interactions.DiscordLocale locale) {
        FederationView.Partner partner = view.partner(id.toString());
        if (partner == null || !partner.publish() || partner.suspended())
            throw new CommandRefusedException("error.federation.cannotPublish");
        Set<String> listed =
                view.entries().stream().map(FederationView.Entry::user).collect(Collectors.toSet());
        List<net.dv8tion.jda.api.entities.Guild.Ban> bans;
        try {
            bans = guild.retrieveBanList().takeRemainingAsync(IMPORT_MAX).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
        List<net.dv8tion.jda.api.entities.Guild.Ban> fresh =
                bans.stream().filter(b -> !listed.contains(b.getUser().getId())).toList();
        var confirm = event.getOption("confirm");
        if (confirm == null || confirm.getAsInt() != fresh.size()) {
            return texts.in(locale, "command.federation.import.preview", bans.size(), fresh.size(), view.name());
        }
        int shared = 0;
        for (net.dv8tion.jda.api.entities.Guild.Ban ban : fresh) {
            String reason = ban.getReason() == null || ban.getReason().isBlank()
                    ? texts.stored("federation.import.reason", guild.getName())
                    : ban.getReason().length() > PublishBan.MAX_REASON
                            ? ban.getReason().substring(0, PublishBan.MAX_REASON)
                            : ban.getReason();
            try {
                commands.sendAndWait(new PublishBan(
                        view.federationId(),
                        UUID.randomUUID().toString().substring(0, 8),
                        id,
                        UserId.of(ban.getUser().getIdLong()),
                        reason,
                        List.of(),
                        by,
                        Instant.now()));
                shared++;
            } catch (LocalizedException | org.axonframework.commandhandling.CommandExecutionException e) {
                // listed meanwhile (an offer answered while the import ran): nothing to share twice
            }
        }
        return texts.in(locale, "command.federation.import.done", shared, view.name());
    }

    /** The most bans one import reads (Discord's ban list, paged by 1,000). */
    static final int IMPORT_MAX = 10_000;
}
