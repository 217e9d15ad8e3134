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

    List<Copy> copiesOf(long sourceMessageId) {
        return db.sql("select target_channel_id, target_message_id, webhook_id from interserver_relay where source_message_id = ?")
                .param(sourceMessageId)
                .query((rs, n) -> new Copy(rs.getLong(1), rs.getLong(2), rs.getLong(3)))
                .list();
    }

    void forget(long sourceMessageId) {
        db.sql("delete from interserver_relay where source_message_id = ?").param(sourceMessageId).update();
    }
}
