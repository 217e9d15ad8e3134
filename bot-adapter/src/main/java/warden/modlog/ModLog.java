package warden.modlog;

import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import warden.common.GuildId;
import warden.config.GuildPolicies;
import warden.discord.ConditionalOnDiscord;
import warden.discord.ShardSlice;
import warden.discord.ShardedSideEffect;
import warden.discord.SideEffectProcessors;
import warden.sanctions.DiscordActRecorded;
import warden.sanctions.EvidenceImageAttached;
import warden.sanctions.EvidenceImageDetached;
import warden.sanctions.InfractionPardoned;
import warden.sanctions.InfractionRecorded;
import warden.sanctions.NoteAdded;
import warden.sanctions.SanctionApplied;
import warden.sanctions.SanctionDecided;
import warden.sanctions.SanctionExpired;
import warden.sanctions.SanctionFailed;
import warden.sanctions.SanctionLifted;
import warden.sanctions.SanctionRemoved;
import warden.sanctions.SanctionRetimed;
import warden.sanctions.SanctionTextEdited;

/**
 * The moderation log channel: every case (an automod action, a sanction and what became of it, a pardon, a note, an
 * act made on Discord without Warden) is posted there, and its post edited when it changes. Each event that opens or
 * changes a case is queued here, in the processor's transaction (at least once, never lost); {@link ModLogPoster}
 * posts what is queued on the node that holds the server's shard, grouping many cases in one post when they come in
 * a burst, so that a raid stays within Discord's limits.
 */
@Component
@ConditionalOnDiscord
@ShardedSideEffect("mod-log")
public class ModLog implements SideEffectProcessors.SliceHandlers {

    private final JdbcClient db;
    private final GuildPolicies policies;

    ModLog(JdbcClient db, GuildPolicies policies) {
        this.db = db;
        this.policies = policies;
    }

    @Override
    public SideEffectProcessors.SliceHandler slice(ShardSlice slice, String processor) {
        return new Slice(slice, processor, this);
    }

    /** The case an event is about: a warning's infraction is its sanction's case. */
    static String caseOf(String refId) {
        return refId.startsWith("warn:") ? refId.substring("warn:".length()) : refId;
    }

    void queue(GuildId guild, String eventId, String refId) {
        if (policies.current(guild).moderation().modLogChannel() == null) return;
        db.sql("insert into modlog_outbox(event_id, guild_id, ref_id) values (?, ?, ?) on conflict do nothing")
                .params(eventId, guild.value(), caseOf(refId))
                .update();
    }

    @DisallowReplay
    record Slice(ShardSlice slice, String processor, ModLog log) implements SideEffectProcessors.SliceHandler {

        private void queue(GuildId guild, String eventId, String refId) {
            if (slice.holds(guild)) log.queue(guild, eventId, refId);
        }

        @EventHandler
        void on(InfractionRecorded e, @MessageIdentifier String id) {
            queue(e.guild(), id, e.infractionId().value());
        }

        @EventHandler
        void on(InfractionPardoned e, @MessageIdentifier String id) {
            queue(e.guild(), id, e.infractionId().value());
        }

        @EventHandler
        void on(NoteAdded e, @MessageIdentifier String id) {
            queue(e.guild(), id, e.noteId().value());
        }

        @EventHandler
        void on(SanctionDecided e, @MessageIdentifier String id) {
            queue(e.guild(), id, e.sanctionId().value());
        }

        @EventHandler
        void on(DiscordActRecorded e, @MessageIdentifier String id) {
            queue(e.guild(), id, e.sanctionId().value());
        }

        @EventHandler
        void on(SanctionApplied e, @MessageIdentifier String id) {
            queue(e.guild(), id, e.sanctionId().value());
        }

        @EventHandler
        void on(SanctionFailed e, @MessageIdentifier String id) {
            queue(e.guild(), id, e.sanctionId().value());
        }

        @EventHandler
        void on(SanctionExpired e, @MessageIdentifier String id) {
            queue(e.guild(), id, e.sanctionId().value());
        }

        @EventHandler
        void on(SanctionLifted e, @MessageIdentifier String id) {
            queue(e.guild(), id, e.sanctionId().value());
        }

        @EventHandler
        void on(SanctionTextEdited e, @MessageIdentifier String id) {
            queue(e.guild(), id, e.sanctionId().value());
        }

        @EventHandler
        void on(SanctionRetimed e, @MessageIdentifier String id) {
            queue(e.guild(), id, e.sanctionId().value());
        }

        @EventHandler
        void on(SanctionRemoved e, @MessageIdentifier String id) {
            queue(e.guild(), id, e.sanctionId().value());
        }

        @EventHandler
        void on(EvidenceImageAttached e, @MessageIdentifier String id) {
            queue(e.guild(), id, e.targetId());
        }

        @EventHandler
        void on(EvidenceImageDetached e, @MessageIdentifier String id) {
            queue(e.guild(), id, e.targetId());
        }
    }
}
