package warden.interserver;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import warden.discord.ConditionalOnDiscord;

import java.util.List;

/** The relayed copies of each original message, in PostgreSQL, so that edits and deletions follow after a restart. */
@Component
@ConditionalOnDiscord
class RelayMap {

    record Copy(long channelId, long messageId, long webhookId) {
    }

    private final JdbcClient db;

    RelayMap(JdbcClient db) {
        this.db = db;
    }

    void remember(long sourceMessageId, Copy copy) {
        db.sql("""
                        insert into interserver_relay(source_message_id, target_channel_id, target_message_id, webhook_id)
                        values (?,?,?,?) on conflict do nothing""")
                .params(sourceMessageId, copy.channelId(), copy.messageId(), copy.webhookId())
                .update();
    }

    /** The copies that can still be followed (their webhook exists). */
    List<Copy> copiesOf(long sourceMessageId) {
        return db.sql("""
                        select target_channel_id, target_message_id, webhook_id from interserver_relay
                        where source_message_id = ? and unfollowable_since is null""")
                .param(sourceMessageId)
                .query((rs, n) -> new Copy(rs.getLong(1), rs.getLong(2), rs.getLong(3)))
                .list();
    }

    /** The copy's webhook is gone: it can no longer be edited or deleted, and the history says since when. */
    void unfollowable(long sourceMessageId, Copy copy) {
        db.sql("update interserver_relay set unfollowable_since = now() where source_message_id = ? and target_channel_id = ?")
                .params(sourceMessageId, copy.channelId())
                .update();
    }

    void forget(long sourceMessageId) {
        db.sql("delete from interserver_relay where source_message_id = ?").param(sourceMessageId).update();
    }
}
