package warden.interserver;

import static warden.platform.Timestamps.fromDb;
import static warden.platform.Timestamps.toDb;

import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import warden.common.ChannelId;
import warden.common.GuildId;
import warden.ledger.LedgerProcessing;
import warden.projection.ProjectionWrites;

/**
 * Interserver links, current and past, for the relay and for the guilds' history. Handled by the ledger's processor:
 * a processor of their own read every event a second time for a few links (a sixth of the JVM's CPU while the read
 * models caught up on a million events).
 */
@Component
@ProcessingGroup(LedgerProcessing.GROUP)
class InterserverLinkProjection {

    private final JdbcClient db;
    private final ProjectionWrites writes;

    InterserverLinkProjection(JdbcClient db, ProjectionWrites writes) {
        this.db = db;
        this.writes = writes;
    }

    @EventHandler
    void on(FrequencyCreated e) {
        link(e.frequency(), e.guild(), e.channel(), true, e.by().toString(), e.occurredAt());
    }

    @EventHandler
    void on(ChannelLinked e) {
        link(e.frequency(), e.guild(), e.channel(), false, e.by().toString(), e.occurredAt());
    }

    /**
     * A redelivered event is a no-op; a second active link of one channel cannot be stored (its channel claim
     * refused the command), and would stop this projection loudly rather than be dropped.
     */
    private void link(
            FrequencyKey frequency,
            GuildId guild,
            ChannelId channel,
            boolean created,
            String by,
            java.time.Instant at) {
        writes.write("interserver_link", """
                        insert into interserver_link(frequency, guild_id, channel_id, created, linked_by, linked_at)
                        values (?,?,?,?,?,?) on conflict (frequency, channel_id, linked_at) do nothing""", frequency.hash(), guild.value(), channel.value(), created, by, toDb(at));
    }

    @EventHandler
    void on(ChannelUnlinked e) {
        writes.write(
                "interserver_link",
                """
                        update interserver_link set unlinked_at = ?, unlink_reason = ?, unlinked_by = ?
                        where frequency = ? and channel_id = ? and unlinked_at is null""",
                toDb(e.occurredAt()),
                e.reason().name(),
                e.by().toString(),
                e.frequency().hash(),
                e.channel().value());
    }

    @QueryHandler
    ActiveLinks handle(FindActiveLinks query) {
        return new ActiveLinks(
                db.sql("select frequency, guild_id, channel_id from interserver_link where unlinked_at is null")
                        .query((rs, n) -> new ActiveLink(
                                FrequencyKey.of(rs.getString("frequency")),
                                GuildId.of(rs.getLong("guild_id")),
                                ChannelId.of(rs.getLong("channel_id"))))
                        .list());
    }

    @QueryHandler
    List<LinkHistory> handle(FindGuildInterserver query) {
        return db.sql("""
                        select l.*, (select string_agg(o.guild_id || '/' || o.channel_id, ',' order by o.linked_at)
                                     from interserver_link o
                                     where o.frequency = l.frequency and o.channel_id <> l.channel_id and o.unlinked_at is null
                                       and l.unlinked_at is null) as partners
                        from interserver_link l where l.guild_id = ? order by l.linked_at desc""")
                .param(query.guild().value())
                .query((rs, n) -> new LinkHistory(
                        rs.getString("frequency").substring(0, 8),
                        Long.toUnsignedString(rs.getLong("channel_id")),
                        rs.getBoolean("created"),
                        rs.getString("linked_by"),
                        fromDb(rs, "linked_at"),
                        fromDb(rs, "unlinked_at"),
                        rs.getString("unlink_reason") == null
                                ? null
                                : UnlinkReason.valueOf(rs.getString("unlink_reason")),
                        rs.getString("unlinked_by"),
                        rs.getString("partners") == null
                                ? List.of()
                                : List.of(rs.getString("partners").split(","))))
                .list();
    }

    @ResetHandler
    void reset() {
        db.sql("truncate interserver_link").update();
    }
}
