package warden.interserver;

import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import warden.common.ChannelId;
import warden.common.CommandRefusedException;
import warden.common.GuildId;

/**
 * "A channel is on at most one frequency", enforced where two nodes cannot race: each link event claims its
 * channel in PostgreSQL in the very transaction that stores the event (a subscribing processor), keyed by channel.
 * A second link of a claimed channel fails the whole transaction, so the command is refused and no event is
 * stored; the read model can never be asked to hold two links of one channel.
 */
@Component
@ProcessingGroup(ChannelClaims.GROUP)
@DisallowReplay
class ChannelClaims {

    static final String GROUP = "interserver-claims";

    private final JdbcClient db;

    ChannelClaims(JdbcClient db) {
        this.db = db;
    }

    @Autowired
    void register(EventProcessingConfigurer processing) {
        processing.registerListenerInvocationErrorHandler(GROUP, config -> PropagatingErrorHandler.instance());
    }

    /** Every active link, as of now: always consistent with the event store (same transactions). */
    @QueryHandler
    ActiveLinks handle(FindClaimedChannels query) {
        return new ActiveLinks(db.sql("select frequency, guild_id, channel_id from interserver_channel_claim")
                .query((rs, n) -> new ActiveLink(
                        FrequencyKey.of(rs.getString("frequency")),
                        GuildId.of(rs.getLong("guild_id")),
                        ChannelId.of(rs.getLong("channel_id"))))
                .list());
    }

    @EventHandler
    void on(FrequencyCreated e) {
        claim(e.channel(), e.frequency(), e.guild());
    }

    @EventHandler
    void on(ChannelLinked e) {
        claim(e.channel(), e.frequency(), e.guild());
    }

    @EventHandler
    void on(ChannelUnlinked e) {
        db.sql("delete from interserver_channel_claim where channel_id = ? and frequency = ?")
                .params(e.channel().value(), e.frequency().hash())
                .update();
    }

    private void claim(ChannelId channel, FrequencyKey frequency, GuildId guild) {
        int claimed = db.sql(
                        "insert into interserver_channel_claim(channel_id, frequency, guild_id) values (?, ?, ?) on conflict do nothing")
                .params(channel.value(), frequency.hash(), guild.value())
                .update();
        if (claimed == 0) throw new CommandRefusedException("error.frequency.otherFrequency");
    }
}
