package warden.raid;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.entities.channel.middleman.GuildMessageChannel;
import net.dv8tion.jda.api.entities.guild.SecurityIncidentActions;
import net.dv8tion.jda.api.events.guild.member.GuildMemberJoinEvent;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import warden.common.Actor;
import warden.common.CommandRefusedException;
import warden.common.Durations;
import warden.common.GuildId;
import warden.common.UserId;
import warden.config.GuildPolicies;
import warden.config.ModerationSettings;
import warden.discord.ConditionalOnDiscord;
import warden.discord.GuildTexts;
import warden.discord.GuildWork;
import warden.platform.Commands;
import warden.platform.DatabaseOutage;
import warden.platform.QueryResults;

/**
 * Raid mode. Joins are counted per server on its lane; {@code joins} within {@code window} start a raid: Discord's own
 * incident actions pause invites and DMs, verification is raised to High, the server is told, and every account that
 * joins is recorded until an admin ends it (or the lockdown runs out on Discord's side). Ending puts verification back.
 * During a database outage joins are still counted, a raid still locks the server down, and what it records waits in
 * {@link RaidRecords} for the database.
 */
@Component
@ConditionalOnDiscord
public class RaidDefense extends ListenerAdapter {

    private static final Logger log = LoggerFactory.getLogger(RaidDefense.class);

    private record Join(Instant at, UserId user) {}

    private final Commands commands;
    private final RaidRecords records;
    private final QueryGateway queries;
    private final GuildPolicies policies;
    private final GuildTexts texts;
    private final GuildWork work;
    /** Recent joins per server, touched only on the server's lane. */
    private final Map<Long, Deque<Join>> recent = new ConcurrentHashMap<>();
    /** Raids this node started and has not ended: known at once, before the read model follows. */
    private final java.util.Set<Long> active = ConcurrentHashMap.newKeySet();

    RaidDefense(
            Commands commands,
            QueryGateway queries,
            GuildPolicies policies,
            GuildTexts texts,
            GuildWork work,
            RaidRecords records) {
        this.records = records;
        this.commands = commands;
        this.queries = queries;
        this.policies = policies;
        this.texts = texts;
        this.work = work;
    }

    @Override
    public void onGuildMemberJoin(GuildMemberJoinEvent event) {
        if (event.getUser().isBot()) return;
        Guild guild = event.getGuild();
        UserId user = UserId.of(event.getUser().getIdLong());
        Instant at = event.getMember().getTimeJoined().toInstant();
        work.run(guild.getIdLong(), "raid", () -> joined(guild, user, at));
    }

    private void joined(Guild guild, UserId user, Instant at) {
        GuildId id = GuildId.of(guild.getIdLong());
        if (active.contains(guild.getIdLong()) || activeInStore(id)) {
            records.send(new RecordRaidJoin(id, user, at));
            return;
        }
        ModerationSettings.RaidSettings settings =
                policies.current(id).moderation().raid();
        if (!settings.detect()) return;
        Deque<Join> window = recent.computeIfAbsent(guild.getIdLong(), g -> new ArrayDeque<>());
        window.addLast(new Join(at, user));
        while (!window.isEmpty() && window.peekFirst().at().isBefore(at.minus(settings.window()))) window.pollFirst();
        if (window.size() < settings.joins()) return;
        List<UserId> accounts = window.stream().map(Join::user).distinct().toList();
        window.clear();
        try {
            Instant until = start(guild, true, accounts, Actor.system("raid-detector"));
            GuildMessageChannel notice = guild.getSystemChannel();
            if (notice != null
                    && guild.getSelfMember().hasPermission(notice, Permission.VIEW_CHANNEL, Permission.MESSAGE_SEND)) {
                notice.sendMessage(texts.in(
                                guild,
                                "raid.detected",
                                accounts.size(),
                                Durations.format(settings.window()),
                                String.valueOf(until.getEpochSecond())))
                        .setAllowedMentions(List.of())
                        .queue(null, e -> {});
            }
        } catch (CommandRefusedException e) {
            log.debug("Raid already on in guild {}", guild.getId());
        }
    }

    /** Starts raid mode; answers with when the lockdown ends. */
    public Instant start(Guild guild, boolean detected, List<UserId> accounts, Actor by) {
        GuildId id = GuildId.of(guild.getIdLong());
        Instant now = Instant.now();
        Instant until = now.plus(policies.current(id).moderation().raid().lockdown());
        records.send(new StartRaid(
                id,
                "raid:" + UUID.randomUUID(),
                detected,
                accounts,
                guild.getVerificationLevel().name(),
                until,
                by,
                now));
        active.add(guild.getIdLong());
        try {
            guild.modifySecurityIncidents(SecurityIncidentActions.enabled(
                            until.atOffset(ZoneOffset.UTC), until.atOffset(ZoneOffset.UTC)))
                    .reason(texts.in(guild, "audit.raid"))
                    .complete();
            if (guild.getVerificationLevel().getKey() < Guild.VerificationLevel.HIGH.getKey()) {
                guild.getManager()
                        .setVerificationLevel(Guild.VerificationLevel.HIGH)
                        .reason(texts.in(guild, "audit.raid"))
                        .complete();
            }
        } catch (RuntimeException e) { // the raid is recorded whatever Discord refuses
            log.warn("Raid mode in guild {}: Discord refused a lockdown step: {}", guild.getId(), e.getMessage());
        }
        return until;
    }

    /** Ends raid mode and puts verification back; answers with the accounts that joined during it. */
    public List<UserId> end(Guild guild, Actor by) {
        GuildId id = GuildId.of(guild.getIdLong());
        RaidStatus status = status(id);
        @SuppressWarnings("unchecked")
        List<UserId> accounts = (List<UserId>) commands.sendAndWait(new EndRaid(id, by, Instant.now()));
        active.remove(guild.getIdLong());
        try {
            guild.modifySecurityIncidents(SecurityIncidentActions.disabled())
                    .reason(texts.in(guild, "audit.raidEnded"))
                    .complete();
            if (status.previousVerification() != null) {
                guild.getManager()
                        .setVerificationLevel(Guild.VerificationLevel.valueOf(status.previousVerification()))
                        .reason(texts.in(guild, "audit.raidEnded"))
                        .complete();
            }
        } catch (RuntimeException e) {
            log.warn("Ending raid mode in guild {}: Discord refused a step: {}", guild.getId(), e.getMessage());
        }
        return accounts;
    }

    /** Whether the read model says a raid is on; while the database is away, only this node's own raids count. */
    private boolean activeInStore(GuildId guild) {
        if (records.databaseAway()) return false;
        try {
            return status(guild).active();
        } catch (RuntimeException e) {
            if (!DatabaseOutage.causes(e)) throw e;
            records.away();
            return false;
        }
    }

    public RaidStatus status(GuildId guild) {
        return QueryResults.join(queries.query(new FindRaid(guild), ResponseTypes.instanceOf(RaidStatus.class)));
    }
}
