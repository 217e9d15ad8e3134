package warden.sanctions;

import java.time.Instant;
import java.util.concurrent.TimeUnit;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.entities.UserSnowflake;
import net.dv8tion.jda.api.exceptions.ErrorResponseException;
import net.dv8tion.jda.api.exceptions.HierarchyException;
import net.dv8tion.jda.api.exceptions.InsufficientPermissionException;
import net.dv8tion.jda.api.requests.ErrorResponse;
import net.dv8tion.jda.api.requests.RestAction;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import warden.common.GuildId;
import warden.common.MemberKey;
import warden.config.GuildPolicies;
import warden.config.ModerationSettings;
import warden.discord.ConditionalOnDiscord;
import warden.discord.DiscordGuilds;
import warden.discord.GuildTexts;
import warden.discord.ShardSlice;
import warden.discord.ShardedSideEffect;
import warden.discord.SideEffectProcessors;
import warden.platform.Commands;

/**
 * Carries sanctions out on Discord and records the outcome: applied, or failed with Discord's reason (missing
 * permission, role hierarchy, unknown member, Warden not in the server). Safe to run twice (the record ignores a
 * second outcome), never run during a replay, and an unreachable Discord or a shard still connecting makes it retry
 * later instead of losing the sanction. It runs in one processor per shard this node holds ({@link Slice}).
 */
@Component
@ConditionalOnDiscord
@ShardedSideEffect("sanction-executor")
public class SanctionExecutor implements SideEffectProcessors.SliceHandlers {

    private static final Logger log = LoggerFactory.getLogger(SanctionExecutor.class);

    private final DiscordGuilds guilds;
    private final OwnActs own;
    private final Commands commands;
    private final GuildTexts texts;
    private final GuildPolicies policies;
    private final Cases cases;

    SanctionExecutor(
            DiscordGuilds guilds,
            Commands commands,
            GuildTexts texts,
            GuildPolicies policies,
            OwnActs own,
            Cases cases) {
        this.own = own;
        this.cases = cases;
        this.policies = policies;
        this.guilds = guilds;
        this.commands = commands;
        this.texts = texts;
    }

    /** The executor's event handlers for the guilds of one shard. */
    @Override
    public SideEffectProcessors.SliceHandler slice(ShardSlice slice, String processor) {
        return new Slice(slice, processor, this);
    }

    @DisallowReplay
    record Slice(ShardSlice slice, String processor, SanctionExecutor executor)
            implements SideEffectProcessors.SliceHandler {
        @EventHandler
        void on(SanctionDecided e) {
            if (slice.holds(e.guild())) executor.decided(e);
        }

        @EventHandler
        void on(SanctionLifted e) {
            if (slice.holds(e.guild())) executor.lifted(e);
        }

        @EventHandler
        void on(SanctionExpired e) {
            if (slice.holds(e.guild())) executor.expired(e);
        }

        @EventHandler
        void on(SanctionRetimed e) {
            if (slice.holds(e.guild())) executor.retimed(e);
        }

        @EventHandler
        void on(SanctionRemoved e) {
            if (slice.holds(e.guild())) executor.removed(e);
        }
    }

    void decided(SanctionDecided e) {
        Guild guild = guilds.find(e.guild()).orElse(null);
        if (guild == null) {
            fail(e.member(), e.sanctionId(), texts.stored("sanction.failed.noGuild"));
            return;
        }
        if (e.sanction().kind() == SanctionKind.TIMEOUT
                && e.expiresAt() != null
                && !e.expiresAt().isAfter(Instant.now())) {
            fail(e.member(), e.sanctionId(), texts.stored("sanction.failed.timeoutOver"));
            return;
        }
        ModerationSettings moderation = policies.current(e.guild()).moderation();
        if (e.sanction().kind() == SanctionKind.WARN) {
            // a warning is recorded whether or not its DM arrives; an undelivered DM is noted and the moderator told
            if (moderation.dmKinds().contains(SanctionKind.WARN) && !tell(guild, e, moderation)) undelivered(guild, e);
            commands.sendAndWait(new ConfirmSanctionApplied(e.member(), e.sanctionId(), Instant.now()));
            return;
        }
        // before the action: a kicked or banned member shares no server with Warden any more
        boolean told = moderation.dmKinds().contains(e.sanction().kind()) && tell(guild, e, moderation);
        try {
            action(guild, e).complete();
            commands.sendAndWait(new ConfirmSanctionApplied(e.member(), e.sanctionId(), Instant.now()));
        } catch (ErrorResponseException error) {
            if (error.isServerError()) throw error; // Discord is down: retried later
            fail(
                    e.member(),
                    e.sanctionId(),
                    error.getErrorResponse() == ErrorResponse.MISSING_PERMISSIONS
                            ? texts.stored("sanction.failed.refused")
                            : error.getMeaning());
            if (told) correct(guild, e);
        } catch (HierarchyException | InsufficientPermissionException error) {
            // JDA refuses on the client, while the request is being built: a refusal like Discord's own
            fail(e.member(), e.sanctionId(), refusal(error));
            if (told) correct(guild, e);
        }
    }

    /** The member was told of a sanction that Discord then refused: a second DM says it did not happen. */
    private void correct(Guild guild, SanctionDecided e) {
        String kind =
                texts.in(guild, "sanction.kind." + e.sanction().kind().name().toLowerCase(java.util.Locale.ROOT));
        guild.getJDA()
                .openPrivateChannelById(e.member().user().value())
                .flatMap(
                        channel -> channel.sendMessage(texts.in(guild, "sanction.dm.correction", kind, guild.getName()))
                                .setAllowedMentions(java.util.List.of()))
                .queue(null, error -> log.info("Could not correct the DM of {} about {}", e.member(), e.sanctionId()));
    }

    private RestAction<?> action(Guild guild, SanctionDecided e) {
        UserSnowflake user = UserSnowflake.fromId(e.member().user().value());
        own.expect(guild.getIdLong(), user.getIdLong(), e.sanction().kind());
        String reason = auditReason(guild, e);
        return switch (e.sanction().kind()) {
            case WARN -> throw new IllegalStateException("a warning is carried out by its DM");
            case TIMEOUT -> guild.timeoutUntil(user, e.expiresAt()).reason(reason);
            case KICK -> guild.kick(user).reason(reason);
            case BAN ->
                guild.ban(
                                user,
                                e.sanction().deleteMessageDays() == null
                                        ? 0
                                        : e.sanction().deleteMessageDays(),
                                TimeUnit.DAYS)
                        .reason(reason);
            case UNBAN -> guild.unban(user).reason(reason);
        };
    }

    private String refusal(RuntimeException error) {
        if (error instanceof InsufficientPermissionException missing) {
            return texts.stored(
                    "sanction.failed.permission", missing.getPermission().getName());
        }
        return texts.stored("sanction.failed.hierarchy");
    }

    void lifted(SanctionLifted e) {
        if (e.cause() == LiftCause.UNBANNED) return; // the unban sanction itself is carried out
        undo(e.member(), e.kind(), e.heldBy(), "audit.lifted", e.by());
    }

    /** A timeout's new end is Discord's new end too; a ban's end is Warden's own deadline. */
    void retimed(SanctionRetimed e) {
        if (e.kind() != SanctionKind.TIMEOUT || !e.newEnd().isAfter(Instant.now())) return;
        Guild guild = guilds.find(e.guild()).orElse(null);
        if (guild == null) return;
        UserSnowflake user = UserSnowflake.fromId(e.member().user().value());
        own.expect(guild.getIdLong(), user.getIdLong(), SanctionKind.TIMEOUT);
        try {
            guild.timeoutUntil(user, e.newEnd())
                    .reason(texts.in(guild, "audit.retimed", e.by()))
                    .complete();
        } catch (ErrorResponseException error) {
            if (error.isServerError()) throw error;
            log.warn("Could not change the timeout of {} on Discord: {}", e.member(), error.getMeaning());
        } catch (HierarchyException | InsufficientPermissionException error) {
            log.warn("Could not change the timeout of {} on Discord: {}", e.member(), refusal(error));
        }
    }

    /** A sanction taken back while still in force is lifted on Discord. */
    void removed(SanctionRemoved e) {
        if (e.wasActive()) undo(e.member(), e.kind(), e.heldBy(), "audit.removed", e.by());
    }

    void expired(SanctionExpired e) {
        // a timeout ends on Discord by itself, unless another one holds longer: Discord's end is then that one's
        if (e.kind() == SanctionKind.BAN || e.heldBy() != null)
            undo(e.member(), e.kind(), e.heldBy(), "audit.banEnded", "");
    }

    /**
     * Takes an ended sanction back on Discord, unless another sanction still holds the member: then a ban stays, and a
     * timeout stays until that sanction's end (Discord keeps one end per member).
     */
    private void undo(MemberKey member, SanctionKind kind, HeldBy heldBy, String reasonCode, Object by) {
        Guild guild = guilds.find(member.guild()).orElse(null);
        if (guild == null) return; // Warden left the server: nothing left to undo there
        if (heldBy != null && kind == SanctionKind.BAN) return;
        String reason = texts.in(guild, reasonCode, by);
        UserSnowflake user = UserSnowflake.fromId(member.user().value());
        own.expect(
                guild.getIdLong(),
                user.getIdLong(),
                kind == SanctionKind.BAN ? SanctionKind.UNBAN : SanctionKind.TIMEOUT);
        try {
            RestAction<?> action = kind == SanctionKind.BAN
                    ? guild.unban(user).reason(reason)
                    : heldBy != null && heldBy.until() != null && heldBy.until().isAfter(Instant.now())
                            ? guild.timeoutUntil(user, heldBy.until()).reason(reason)
                            : guild.removeTimeout(user).reason(reason);
            action.complete();
        } catch (ErrorResponseException error) {
            if (error.isServerError()) throw error;
            log.warn("Could not undo {} of {} on Discord: {}", kind, member, error.getMeaning());
        } catch (HierarchyException | InsufficientPermissionException error) {
            log.warn("Could not undo {} of {} on Discord: {}", kind, member, refusal(error));
        }
    }

    /** The member's DM for a sanction: the guild's template, or Warden's text in the server's language. True if delivered. */
    private boolean tell(Guild guild, SanctionDecided e, ModerationSettings moderation) {
        String text = warden.common.Texts.fit(
                dmText(guild, e, moderation), net.dv8tion.jda.api.entities.Message.MAX_CONTENT_LENGTH);
        try {
            guild.getJDA()
                    .openPrivateChannelById(e.member().user().value())
                    .flatMap(channel -> channel.sendMessage(text).setAllowedMentions(java.util.List.of()))
                    .complete();
            return true;
        } catch (ErrorResponseException error) {
            if (error.isServerError()) throw error; // Discord is down: the whole sanction is retried later
            log.info("Could not DM {} about sanction {}: {}", e.member(), e.sanctionId(), error.getMeaning());
            return false;
        }
    }

    String dmText(Guild guild, SanctionDecided e, ModerationSettings moderation) {
        // the member names the case to appeal it; the numbering is a moment behind the decision at most
        String number =
                cases.label(GuildId.of(guild.getIdLong()), e.sanctionId().value(), Cases.DM_NUMBER_WAIT);
        String reason = e.reason() == null ? "-" : e.reason();
        String moderator = moderation.dmHideModerator()
                ? texts.in(guild, "sanction.dm.moderatorHidden")
                : e.rule() != null
                        ? texts.in(guild, "sanction.dm.byRule")
                        : e.decidedBy().kind() == warden.common.Actor.Kind.MODERATOR
                                ? "<@" + e.decidedBy().id() + ">"
                                : e.decidedBy().toString();
        String duration = e.sanction().duration() == null
                ? "-"
                : warden.common.Durations.format(e.sanction().duration());
        String end = e.expiresAt() == null ? "-" : "<t:" + e.expiresAt().getEpochSecond() + ":f>";
        String kind =
                texts.in(guild, "sanction.kind." + e.sanction().kind().name().toLowerCase(java.util.Locale.ROOT));
        String member = "<@" + e.member().user().value() + ">";
        if (moderation.dmTemplate() != null) {
            return ModerationSettings.fill(
                    moderation.dmTemplate(),
                    java.util.Map.of(
                            "member",
                            member,
                            "server",
                            guild.getName(),
                            "kind",
                            kind,
                            "reason",
                            reason,
                            "duration",
                            duration,
                            "end",
                            end,
                            "moderator",
                            moderator,
                            "case",
                            number));
        }
        if (e.sanction().kind() == SanctionKind.WARN && !moderation.dmHideModerator() && e.rule() == null) {
            return texts.in(guild, "sanction.warning.dm", guild.getName(), reason, number);
        }
        return texts.in(
                guild, "sanction.dm.default", member, guild.getName(), kind, reason, duration, end, moderator, number);
    }

    /** A warning whose DM did not arrive: noted in the member's record, and the moderator who gave it is told. */
    private void undelivered(Guild guild, SanctionDecided e) {
        commands.sendAndWait(new AddNote(
                e.member(),
                NoteId.of("dm:" + e.sanctionId()),
                warden.common.Actor.system("warden"),
                texts.stored(
                        "sanction.dm.notDelivered",
                        cases.label(
                                GuildId.of(guild.getIdLong()), e.sanctionId().value(), Cases.DM_NUMBER_WAIT)),
                Instant.now()));
        if (e.decidedBy().kind() != warden.common.Actor.Kind.MODERATOR) return;
        String notice = texts.in(
                guild,
                "sanction.dm.notDelivered.moderator",
                "<@" + e.member().user().value() + ">",
                cases.label(GuildId.of(guild.getIdLong()), e.sanctionId().value(), Cases.DM_NUMBER_WAIT));
        guild.getJDA()
                .openPrivateChannelById(e.decidedBy().id())
                .flatMap(channel -> channel.sendMessage(notice).setAllowedMentions(java.util.List.of()))
                .queue(
                        null,
                        error -> log.debug("Could not tell moderator {} about an undelivered warning", e.decidedBy()));
    }

    private void fail(MemberKey member, SanctionId id, String reason) {
        log.info("Sanction {} of {} failed on Discord: {}", id, member, reason);
        commands.sendAndWait(new ReportSanctionFailed(member, id, reason, Instant.now()));
    }

    private String auditReason(Guild guild, SanctionDecided e) {
        String text = e.rule() != null
                ? texts.in(guild, "audit.sanction.rule", e.rule().rule(), e.reason() == null ? "-" : e.reason())
                : texts.in(guild, "audit.sanction.manual", e.decidedBy(), e.reason() == null ? "-" : e.reason());
        return text.length() > 500 ? text.substring(0, 500) : text;
    }
}
