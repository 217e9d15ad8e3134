package warden.federation;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.components.buttons.Button;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.entities.Member;
import net.dv8tion.jda.api.entities.Role;
import net.dv8tion.jda.api.entities.UserSnowflake;
import net.dv8tion.jda.api.entities.channel.middleman.GuildMessageChannel;
import net.dv8tion.jda.api.events.guild.member.GuildMemberJoinEvent;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;
import net.dv8tion.jda.api.exceptions.ErrorResponseException;
import net.dv8tion.jda.api.exceptions.HierarchyException;
import net.dv8tion.jda.api.exceptions.InsufficientPermissionException;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import net.dv8tion.jda.api.requests.ErrorResponse;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import warden.common.Actor;
import warden.common.GuildId;
import warden.common.LocalizedException;
import warden.common.MemberKey;
import warden.common.UserId;
import warden.discord.ConditionalOnDiscord;
import warden.discord.DiscordGuilds;
import warden.discord.GuildTexts;
import warden.discord.GuildWork;
import warden.discord.ShardSlice;
import warden.discord.ShardedSideEffect;
import warden.discord.SideEffectProcessors;
import warden.ledger.FindMemberStanding;
import warden.ledger.MemberStanding;
import warden.platform.Commands;
import warden.platform.QueryResults;
import warden.sanctions.DiscordAct;
import warden.sanctions.OwnActs;
import warden.sanctions.RecordDiscordAct;
import warden.sanctions.SanctionKind;

/**
 * Applies the shared ban list in each partner server, on the node that holds its shard: when an entry arrives, when a
 * listed user joins, when a moderator answers an alert. Every outcome is recorded (applied, skipped, alerted, failed
 * with Discord's reason); a refusal in one server is that server's outcome and never holds the others back. A revoked
 * entry unbans nobody unless the federation said so explicitly: otherwise the server is told no entry lists the user
 * any more, and decides.
 */
@Component
@ConditionalOnDiscord
@ShardedSideEffect("federation-enforcer")
public class FederationEnforcer extends ListenerAdapter implements SideEffectProcessors.SliceHandlers {

    private static final Logger log = LoggerFactory.getLogger(FederationEnforcer.class);
    static final String BUTTON = "fed";
    static final String RAID_BUTTON = "fedraid";

    private final OwnActs own;
    private final Commands commands;
    private final QueryGateway queries;
    private final DiscordGuilds guilds;
    private final GuildTexts texts;
    private final GuildWork work;

    FederationEnforcer(
            Commands commands,
            QueryGateway queries,
            DiscordGuilds guilds,
            GuildTexts texts,
            GuildWork work,
            OwnActs own) {
        this.own = own;
        this.commands = commands;
        this.queries = queries;
        this.guilds = guilds;
        this.texts = texts;
        this.work = work;
    }

    @Override
    public SideEffectProcessors.SliceHandler slice(ShardSlice slice, String processor) {
        return new Slice(slice, processor, this);
    }

    @DisallowReplay
    record Slice(ShardSlice slice, String processor, FederationEnforcer enforcer)
            implements SideEffectProcessors.SliceHandler {
        @EventHandler
        void on(BanPublished e) {
            enforcer.published(e, slice);
        }

        @EventHandler
        void on(BanRevoked e) {
            enforcer.revoked(e, slice);
        }

        @EventHandler
        void on(warden.raid.RaidStarted e) {
            if (slice.holds(e.guild())) enforcer.raidStarted(e);
        }

        @EventHandler
        void on(RaidAlertShared e) {
            enforcer.raidShared(e, slice);
        }
    }

    /** A raid here: the other partners are warned. */
    void raidStarted(warden.raid.RaidStarted e) {
        FederationView view = federationOf(e.guild());
        if (view.partner(e.guild().toString()) == null) return;
        commands.sendAndWait(new ShareRaidAlert(
                view.federationId(), e.guild(), e.raidId(), e.joins(), e.detected(), e.occurredAt()));
    }

    void raidShared(RaidAlertShared e, ShardSlice slice) {
        FederationView view = federation(e.federationId());
        String source =
                guilds.find(e.guild()).map(Guild::getName).orElse(e.guild().toString());
        for (FederationView.Partner partner : view.partners()) {
            GuildId id = GuildId.of(partner.guild());
            if (!slice.holds(id) || id.equals(e.guild()) || partner.suspended()) continue;
            Guild guild = guilds.find(id).orElse(null);
            GuildMessageChannel channel = guild == null ? null : alertChannel(guild, partner);
            if (channel == null) continue;
            channel.sendMessage(texts.in(guild, "federation.raid.alert", view.name(), source, e.joins()))
                    .setAllowedMentions(List.of())
                    .setComponents(ActionRow.of(Button.danger(
                            RAID_BUTTON + ":" + e.federationId() + ":" + e.guild(),
                            texts.in(guild, "federation.raid.button"))))
                    .queue(null, error -> log.debug("Raid alert not sent: {}", error.getMessage()));
        }
    }

    /** Where the partner's alerts and notices go (its alert channel, else the system channel), if Warden may post there. */
    private GuildMessageChannel alertChannel(Guild guild, FederationView.Partner partner) {
        GuildMessageChannel channel = partner.alertChannel() == null
                ? guild.getSystemChannel()
                : guild.getChannelById(GuildMessageChannel.class, partner.alertChannel());
        return channel != null
                        && guild.getSelfMember()
                                .hasPermission(channel, Permission.VIEW_CHANNEL, Permission.MESSAGE_SEND)
                ? channel
                : null;
    }

    FederationView federation(String federationId) {
        return QueryResults.join(
                queries.query(new FindFederation(federationId), ResponseTypes.instanceOf(FederationView.class)));
    }

    FederationView federationOf(GuildId guild) {
        return QueryResults.join(
                queries.query(new FindGuildFederation(guild), ResponseTypes.instanceOf(FederationView.class)));
    }

    void published(BanPublished e, ShardSlice slice) {
        FederationView view = federation(e.federationId());
        FederationView.Entry entry = new FederationView.Entry(
                e.entryId(),
                e.user().toString(),
                e.reason(),
                e.evidence(),
                e.publisher().toString(),
                e.by().toString(),
                e.occurredAt());
        for (FederationView.Partner partner : view.partners()) {
            if (slice.holds(GuildId.of(partner.guild()))) enforce(view, partner, entry, null);
        }
    }

    /** Decides and acts for one entry in one server; {@code member} is the member who just joined, if that is why. */
    void enforce(FederationView view, FederationView.Partner partner, FederationView.Entry entry, Member member) {
        Guild guild = guilds.find(GuildId.of(partner.guild())).orElse(null);
        if (guild == null) return;
        if (member == null) member = member(guild, entry.user());
        long user = Long.parseUnsignedLong(entry.user());
        EnforcementDecision.Target target = new EnforcementDecision.Target(
                entry.user(),
                guild.getOwnerIdLong() == user,
                guild.getSelfMember().getIdLong() == user,
                member == null
                        ? null
                        : member.getRoles().stream().map(Role::getId).collect(Collectors.toSet()));
        switch (EnforcementDecision.decide(partner, view.overridden(partner.guild(), entry.entryId()), target)) {
            case BAN -> ban(guild, view, entry);
            case ALERT -> alert(guild, view, partner, entry, false);
            case ASK_APPROVAL -> alert(guild, view, partner, entry, true);
            case SKIP_OVERRIDE -> record(view, entry, guild, EnforcementOutcome.SKIPPED_OVERRIDE, null);
            case SKIP_NEVER_BAN -> record(view, entry, guild, EnforcementOutcome.SKIPPED_NEVER_BAN, null);
            case NOTHING -> {}
        }
    }

    private Member member(Guild guild, String user) {
        try {
            return guild.retrieveMemberById(user).complete();
        } catch (ErrorResponseException e) {
            if (e.getErrorResponse() == ErrorResponse.UNKNOWN_MEMBER
                    || e.getErrorResponse() == ErrorResponse.UNKNOWN_USER) return null;
            throw e;
        }
    }

    private void ban(Guild guild, FederationView view, FederationView.Entry entry) {
        try {
            own.expect(guild.getIdLong(), Long.parseUnsignedLong(entry.user()), SanctionKind.BAN);
            guild.ban(UserSnowflake.fromId(entry.user()), 0, TimeUnit.SECONDS)
                    .reason(texts.stored("audit.federationBan", view.name(), entry.entryId(), entry.reason()))
                    .complete();
            // the member's record knows the ban: a sanction of theirs that ends does not lift it
            commands.sendAndWait(new RecordDiscordAct(
                    new MemberKey(GuildId.of(guild.getIdLong()), UserId.of(entry.user())),
                    actId(view, entry.entryId()),
                    DiscordAct.BAN,
                    Actor.system("federation:" + view.federationId()),
                    entry.reason(),
                    null,
                    false,
                    Instant.now(),
                    null));
            record(view, entry, guild, EnforcementOutcome.APPLIED, null);
        } catch (ErrorResponseException e) {
            if (e.isServerError()) throw e; // Discord is down: the event is retried
            record(view, entry, guild, EnforcementOutcome.FAILED, e.getMeaning());
        } catch (HierarchyException | InsufficientPermissionException e) {
            record(view, entry, guild, EnforcementOutcome.FAILED, e.getMessage());
        }
    }

    private void alert(
            Guild guild,
            FederationView view,
            FederationView.Partner partner,
            FederationView.Entry entry,
            boolean approval) {
        GuildMessageChannel channel = alertChannel(guild, partner);
        if (channel == null) {
            record(view, entry, guild, EnforcementOutcome.FAILED, texts.stored("federation.alert.noChannel"));
            return;
        }
        String id = view.federationId() + ":" + entry.entryId();
        String text = warden.common.Texts.fit(
                texts.in(
                        guild,
                        approval ? "federation.alert.approve" : "federation.alert.member",
                        view.name(),
                        entry.entryId(),
                        entry.user(),
                        entry.reason(),
                        entry.publisher(),
                        entry.evidence().isEmpty() ? "—" : String.join(" ", entry.evidence())),
                net.dv8tion.jda.api.entities.Message.MAX_CONTENT_LENGTH);
        try {
            channel.sendMessage(text)
                    .setAllowedMentions(List.of())
                    .setComponents(ActionRow.of(
                            Button.danger(
                                    BUTTON + ":ban:" + id,
                                    texts.in(guild, approval ? "federation.button.approve" : "federation.button.ban")),
                            Button.secondary(BUTTON + ":ignore:" + id, texts.in(guild, "federation.button.ignore"))))
                    .complete();
        } catch (ErrorResponseException e) {
            // a deleted channel, a missing permission: this partner's alert fails alone, the others' stand
            if (e.isServerError()) throw e;
            record(view, entry, guild, EnforcementOutcome.FAILED, e.getMeaning());
            return;
        } catch (InsufficientPermissionException e) {
            record(view, entry, guild, EnforcementOutcome.FAILED, e.getMessage());
            return;
        }
        record(view, entry, guild, approval ? EnforcementOutcome.AWAITING_APPROVAL : EnforcementOutcome.ALERTED, null);
    }

    private static String actId(FederationView view, String entryId) {
        return "federation:" + view.federationId() + ":" + entryId;
    }

    /** Whether a ban other than this federation entry's holds the member in the server's record. */
    private boolean heldByAnotherBan(MemberKey member, String federationAct) {
        MemberStanding standing = QueryResults.join(queries.query(
                new FindMemberStanding(member, Instant.now()), ResponseTypes.instanceOf(MemberStanding.class)));
        return standing.activeSanctions().stream()
                .anyMatch(s -> s.kind() == SanctionKind.BAN && !s.sanctionId().equals("discord:" + federationAct));
    }

    void record(
            FederationView view, FederationView.Entry entry, Guild guild, EnforcementOutcome outcome, String detail) {
        commands.sendAndWait(new RecordEnforcement(
                view.federationId(), entry.entryId(), GuildId.of(guild.getIdLong()), outcome, detail, Instant.now()));
    }

    void revoked(BanRevoked e, ShardSlice slice) {
        FederationView view = federation(e.federationId());
        FederationView.Entry entry =
                new FederationView.Entry(e.entryId(), e.user().toString(), "", List.of(), null, null, e.occurredAt());
        for (FederationView.Partner partner : view.partners()) {
            GuildId id = GuildId.of(partner.guild());
            if (!slice.holds(id)
                    || !EnforcementOutcome.APPLIED.name().equals(view.outcome(partner.guild(), e.entryId()))
                    || e.remaining() > 0) continue;
            Guild guild = guilds.find(id).orElse(null);
            if (guild == null) continue;
            if (e.revert()) {
                MemberKey member = new MemberKey(id, e.user());
                if (heldByAnotherBan(member, actId(view, e.entryId()))) {
                    // a ban of the server's own (a moderator's, a rule's, one made on Discord) still holds the member
                    record(view, entry, guild, EnforcementOutcome.KEPT_BY_SERVER, null);
                    continue;
                }
                try {
                    own.expect(guild.getIdLong(), e.user().value(), SanctionKind.UNBAN);
                    guild.unban(UserSnowflake.fromId(e.user().value()))
                            .reason(texts.stored("audit.federationUnban", view.name(), e.entryId()))
                            .complete();
                    commands.sendAndWait(new RecordDiscordAct(
                            member,
                            actId(view, e.entryId()) + ":revert",
                            DiscordAct.UNBAN,
                            Actor.system("federation:" + view.federationId()),
                            null,
                            null,
                            false,
                            Instant.now(),
                            null));
                    record(view, entry, guild, EnforcementOutcome.REVERTED, null);
                } catch (ErrorResponseException error) {
                    if (error.isServerError()) throw error;
                    record(view, entry, guild, EnforcementOutcome.FAILED, error.getMeaning());
                }
            } else {
                notice(
                        guild,
                        partner,
                        texts.in(
                                guild,
                                "federation.notice.noEntryLeft",
                                view.name(),
                                e.entryId(),
                                e.user().toString()));
                record(view, entry, guild, EnforcementOutcome.NO_ENTRY_LEFT, null);
            }
        }
    }

    private void notice(Guild guild, FederationView.Partner partner, String text) {
        GuildMessageChannel channel = alertChannel(guild, partner);
        if (channel == null) return;
        channel.sendMessage(text)
                .setAllowedMentions(List.of())
                .queue(null, error -> log.debug("Notice not sent: {}", error.getMessage()));
    }

    /** A listed user joins a partner server: what was waiting for them (an alert) happens now. */
    @Override
    public void onGuildMemberJoin(GuildMemberJoinEvent event) {
        if (event.getUser().isBot()) return;
        Guild guild = event.getGuild();
        Member member = event.getMember();
        work.run(guild.getIdLong(), "federation join", () -> {
            FederationView view = federationOf(GuildId.of(guild.getIdLong()));
            FederationView.Partner partner = view.partner(guild.getId());
            if (partner == null) return;
            for (FederationView.Entry entry : view.entries()) {
                if (!entry.user().equals(member.getId())) continue;
                String outcome = view.outcome(guild.getId(), entry.entryId());
                if (EnforcementOutcome.APPLIED.name().equals(outcome)
                        || EnforcementOutcome.SKIPPED_OVERRIDE.name().equals(outcome)) continue;
                enforce(view, partner, entry, member);
            }
        });
    }

    /** A moderator answers an alert: ban (or approve), or set the entry aside for this server. */
    @Override
    public void onButtonInteraction(ButtonInteractionEvent event) {
        String[] parts = event.getComponentId().split(":");
        if (parts.length == 3
                && parts[0].equals(RAID_BUTTON)
                && event.getGuild() != null
                && event.getMember() != null) {
            event.deferReply(true).queue();
            Guild guild = event.getGuild();
            work.run(
                    guild.getIdLong(),
                    "federation raid button",
                    () -> event.getHook()
                            .editOriginal(banRaiders(event, guild, parts[1], GuildId.of(parts[2])))
                            .setAllowedMentions(List.of())
                            .queue(null, error -> log.debug("Not answered: {}", error.getMessage())));
            return;
        }
        if (parts.length != 4 || !parts[0].equals(BUTTON) || event.getGuild() == null || event.getMember() == null)
            return;
        event.deferReply(true).queue();
        Guild guild = event.getGuild();
        work.run(guild.getIdLong(), "federation button", () -> {
            String answer;
            try {
                answer = answer(event, guild, parts[1], parts[2], parts[3]);
            } catch (LocalizedException | org.axonframework.commandhandling.CommandExecutionException e) {
                String refusal = texts.refusal(event.getUserLocale(), e);
                answer = refusal != null ? refusal : texts.in(event.getUserLocale(), "error.internal");
            }
            event.getHook()
                    .editOriginal(answer)
                    .setAllowedMentions(List.of())
                    .queue(null, error -> log.debug("Not answered: {}", error.getMessage()));
        });
    }

    private String answer(
            ButtonInteractionEvent event, Guild guild, String action, String federationId, String entryId) {
        if (!event.getMember().hasPermission(Permission.BAN_MEMBERS))
            return texts.in(event.getUserLocale(), "federation.button.notAllowed");
        FederationView view = federation(federationId);
        FederationView.Entry entry = view.entries().stream()
                .filter(e -> e.entryId().equals(entryId))
                .findFirst()
                .orElse(null);
        if (entry == null || view.partner(guild.getId()) == null)
            return texts.in(event.getUserLocale(), "error.federation.unknownEntry", entryId);
        Actor moderator = Actor.moderator(UserId.of(event.getUser().getIdLong()));
        if (action.equals("ignore")) {
            commands.sendAndWait(
                    new OverrideEntry(federationId, entryId, GuildId.of(guild.getIdLong()), moderator, Instant.now()));
            record(view, entry, guild, EnforcementOutcome.SKIPPED_OVERRIDE, null);
            return texts.in(event.getUserLocale(), "federation.button.ignored", entryId);
        }
        ban(guild, view, entry);
        return texts.in(event.getUserLocale(), "federation.button.banned", entry.user(), entryId);
    }

    /** Bans, here and ahead of their arrival, the accounts that joined the raided partner during its raid. */
    private String banRaiders(ButtonInteractionEvent event, Guild guild, String federationId, GuildId raided) {
        if (!event.getMember().hasPermission(Permission.BAN_MEMBERS))
            return texts.in(event.getUserLocale(), "federation.button.notAllowed");
        FederationView view = federation(federationId);
        FederationView.Partner partner = view.partner(guild.getId());
        if (partner == null) return texts.in(event.getUserLocale(), "error.federation.notPartner");
        warden.raid.RaidStatus raid = QueryResults.join(queries.query(
                new warden.raid.FindRaid(raided), ResponseTypes.instanceOf(warden.raid.RaidStatus.class)));
        int banned = 0;
        for (String account : raid.accounts()) {
            long user = Long.parseUnsignedLong(account);
            if (partner.neverUsers().contains(account)
                    || user == guild.getOwnerIdLong()
                    || user == guild.getSelfMember().getIdLong()) continue;
            try {
                guild.ban(UserSnowflake.fromId(user), 0, TimeUnit.SECONDS)
                        .reason(texts.stored("audit.federationRaid", view.name(), raided.toString()))
                        .complete();
                banned++;
            } catch (ErrorResponseException | HierarchyException | InsufficientPermissionException e) {
                log.info("Raid account {} not banned in guild {}: {}", account, guild.getId(), e.getMessage());
            }
        }
        return texts.in(
                event.getUserLocale(),
                "federation.raid.banned",
                banned,
                raid.accounts().size());
    }

    /** What subscribing automatically would ban today: the members the active entries list, never-ban set aside. */
    List<FederationView.Entry> preview(Guild guild, FederationView view) {
        FederationView.Partner partner = view.partner(guild.getId());
        FederationView.Partner automatic = new FederationView.Partner(
                partner.guild(),
                partner.publish(),
                true,
                false,
                EnforcementMode.AUTOMATIC,
                null,
                partner.neverUsers(),
                partner.neverRoles(),
                partner.teamAccess());
        return view.entries().stream()
                .filter(entry -> {
                    Member member = member(guild, entry.user());
                    if (member == null) return false;
                    long user = member.getIdLong();
                    return EnforcementDecision.decide(
                                    automatic,
                                    view.overridden(partner.guild(), entry.entryId()),
                                    new EnforcementDecision.Target(
                                            entry.user(),
                                            guild.getOwnerIdLong() == user,
                                            guild.getSelfMember().getIdLong() == user,
                                            member.getRoles().stream()
                                                    .map(Role::getId)
                                                    .collect(Collectors.toSet())))
                            == EnforcementDecision.Action.BAN;
                })
                .toList();
    }
}
