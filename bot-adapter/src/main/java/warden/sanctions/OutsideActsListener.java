package warden.sanctions;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.audit.AuditLogChange;
import net.dv8tion.jda.api.audit.AuditLogEntry;
import net.dv8tion.jda.api.audit.AuditLogKey;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.entities.User;
import net.dv8tion.jda.api.events.guild.GuildAuditLogEntryCreateEvent;
import net.dv8tion.jda.api.events.guild.GuildBanEvent;
import net.dv8tion.jda.api.events.guild.GuildUnbanEvent;
import net.dv8tion.jda.api.events.guild.member.update.GuildMemberUpdateTimeOutEvent;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import net.dv8tion.jda.api.utils.TimeUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import warden.common.Actor;
import warden.common.GuildId;
import warden.common.MemberKey;
import warden.common.UserId;
import warden.config.GuildPolicies;
import warden.discord.ConditionalOnDiscord;
import warden.discord.GuildTexts;
import warden.discord.GuildWork;
import warden.platform.Commands;

/**
 * Bans, unbans, kicks and timeouts made on Discord without Warden (Discord's own member menu, another bot) become the
 * member's sanctions, with who made them and why, read from the audit log as Discord adds to it. Warden's own acts
 * are in the log too, under Warden's name: they are recorded already, as Warden decided them.
 * <p>
 * Without the View Audit Log permission, the changes themselves are recorded (a ban, an unban, a timeout set or
 * ended), with the moderator unknown and Warden's own acts told apart by {@link OwnActs}; a kick cannot be told from
 * a member leaving, so it is not recorded then. The server's owner is told once (per node run) what is missing.
 */
@Component
@ConditionalOnDiscord
class OutsideActsListener extends ListenerAdapter {

    private static final Logger log = LoggerFactory.getLogger(OutsideActsListener.class);

    private final Commands commands;
    private final GuildPolicies policies;
    private final GuildTexts texts;
    private final GuildWork work;
    private final OwnActs own;
    private final Set<Long> told = ConcurrentHashMap.newKeySet();
    /** This node's run: with the shard and the gateway's sequence number, it names a gateway event. */
    private final String run = Long.toString(System.currentTimeMillis(), 36);

    OutsideActsListener(Commands commands, GuildPolicies policies, GuildTexts texts, GuildWork work, OwnActs own) {
        this.commands = commands;
        this.policies = policies;
        this.texts = texts;
        this.work = work;
        this.own = own;
    }

    @Override
    public void onGuildAuditLogEntryCreate(GuildAuditLogEntryCreateEvent event) {
        AuditLogEntry entry = event.getEntry();
        if (entry.getUserIdLong() == event.getJDA().getSelfUser().getIdLong()) return; // Warden's own, recorded already
        Instant at = TimeUtil.getTimeCreated(entry.getIdLong()).toInstant();
        Actor by = Actor.discord(UserId.of(entry.getUserIdLong()));
        String act = "audit:" + entry.getId();
        switch (entry.getType()) {
            case BAN ->
                record(event.getGuild(), entry.getTargetIdLong(), act, DiscordAct.BAN, by, entry.getReason(), null, at);
            case UNBAN ->
                record(
                        event.getGuild(),
                        entry.getTargetIdLong(),
                        act,
                        DiscordAct.UNBAN,
                        by,
                        entry.getReason(),
                        null,
                        at);
            case KICK ->
                record(
                        event.getGuild(),
                        entry.getTargetIdLong(),
                        act,
                        DiscordAct.KICK,
                        by,
                        entry.getReason(),
                        null,
                        at);
            case MEMBER_UPDATE -> {
                AuditLogChange timeout = entry.getChangeByKey(AuditLogKey.MEMBER_TIME_OUT);
                if (timeout == null) return;
                Object until = timeout.getNewValue();
                if (until == null) {
                    record(
                            event.getGuild(),
                            entry.getTargetIdLong(),
                            act,
                            DiscordAct.TIMEOUT_REMOVED,
                            by,
                            entry.getReason(),
                            null,
                            at);
                } else {
                    record(
                            event.getGuild(),
                            entry.getTargetIdLong(),
                            act,
                            DiscordAct.TIMEOUT,
                            by,
                            entry.getReason(),
                            OffsetDateTime.parse(until.toString()).toInstant(),
                            at);
                }
            }
            default -> {}
        }
    }

    @Override
    public void onGuildBan(GuildBanEvent event) {
        if (auditLogReadable(event.getGuild())
                || own.own(event.getGuild().getIdLong(), event.getUser().getIdLong(), SanctionKind.BAN)) return;
        unknownAuthor(
                event.getGuild(),
                event.getUser(),
                gatewayEvent(event.getJDA(), event.getResponseNumber()),
                DiscordAct.BAN,
                null);
    }

    @Override
    public void onGuildUnban(GuildUnbanEvent event) {
        if (auditLogReadable(event.getGuild())
                || own.own(event.getGuild().getIdLong(), event.getUser().getIdLong(), SanctionKind.UNBAN)) return;
        unknownAuthor(
                event.getGuild(),
                event.getUser(),
                gatewayEvent(event.getJDA(), event.getResponseNumber()),
                DiscordAct.UNBAN,
                null);
    }

    @Override
    public void onGuildMemberUpdateTimeOut(GuildMemberUpdateTimeOutEvent event) {
        if (auditLogReadable(event.getGuild())
                || own.own(event.getGuild().getIdLong(), event.getUser().getIdLong(), SanctionKind.TIMEOUT)) return;
        OffsetDateTime until = event.getNewTimeOutEnd();
        unknownAuthor(
                event.getGuild(),
                event.getUser(),
                gatewayEvent(event.getJDA(), event.getResponseNumber()),
                until == null ? DiscordAct.TIMEOUT_REMOVED : DiscordAct.TIMEOUT,
                until == null ? null : until.toInstant());
    }

    private static boolean auditLogReadable(Guild guild) {
        return guild.getSelfMember().hasPermission(Permission.VIEW_AUDIT_LOGS);
    }

    private String gatewayEvent(net.dv8tion.jda.api.JDA jda, long sequence) {
        return "gateway:" + run + "." + jda.getShardInfo().getShardId() + "." + sequence;
    }

    private void unknownAuthor(Guild guild, User user, String act, DiscordAct what, Instant until) {
        tellOnce(guild);
        record(guild, user.getIdLong(), act, what, Actor.discord(null), null, until, Instant.now());
    }

    private void record(
            Guild guild, long target, String act, DiscordAct what, Actor by, String reason, Instant until, Instant at) {
        if (target == guild.getJDA().getSelfUser().getIdLong()) return;
        GuildId id = GuildId.of(guild.getIdLong());
        work.run(
                guild.getIdLong(),
                "outside act",
                () -> commands.sendAndWait(new RecordDiscordAct(
                        new MemberKey(id, UserId.of(target)),
                        act,
                        what,
                        by,
                        reason == null ? null : clip(reason),
                        until,
                        policies.current(id).moderation().countOutsideActs(),
                        at,
                        null)));
    }

    private static String clip(String reason) {
        return reason.length() > 500 ? reason.substring(0, 500) : reason;
    }

    /** The owner learns once per node run that acts made outside Warden are recorded without their author. */
    private void tellOnce(Guild guild) {
        if (!told.add(guild.getIdLong())) return;
        guild.retrieveOwner()
                .flatMap(owner -> owner.getUser().openPrivateChannel())
                .flatMap(channel -> channel.sendMessage(texts.in(guild, "outside.noAuditLog", guild.getName())))
                .queue(
                        null,
                        error -> log.info(
                                "Could not tell the owner of {} that the audit log is not readable", guild.getId()));
    }
}
