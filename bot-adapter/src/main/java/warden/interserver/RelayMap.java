package warden.interserver;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import warden.discord.ConditionalOnDiscord;

/** The relayed copies of each original message, in PostgreSQL, so that edits and deletions follow after a restart. */
@Component
@ConditionalOnDiscord
class RelayMap {

    record Copy(long channelId, long messageId, long webhookId) {}

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
        return copiesOf(List.of(sourceMessageId)).getOrDefault(sourceMessageId, List.of());
    }

    /** The copies that can still be followed of many originals at once, by original: one round trip. */
    java.util.Map<Long, List<Copy>> copiesOf(java.util.Collection<Long> sourceMessageIds) {
        java.util.Map<Long, List<Copy>> copies = new java.util.HashMap<>();
        db.sql("""
                        select source_message_id, target_channel_id, target_message_id, webhook_id from interserver_relay
                        where source_message_id = any(?) and unfollowable_since is null""")
                .param(sourceMessageIds.toArray(Long[]::new))
                .query((rs, n) -> copies.computeIfAbsent(rs.getLong(1), id -> new java.util.ArrayList<>())
                        .add(new Copy(rs.getLong(2), rs.getLong(3), rs.getLong(4))))
                .list();
        return copies;
    }

    void forget(java.util.Collection<Long> sourceMessageIds) {
        db.sql("delete from interserver_relay where source_message_id = any(?)")
                .param(sourceMessageIds.toArray(Long[]::new))
                .update();
    }

    /** The copy's webhook is gone: it can no longer be edited or deleted, and the history says since when. */
    void unfollowable(long sourceMessageId, Copy copy) {
        db.sql(
                        "update interserver_relay set unfollowable_since = now() where source_message_id = ? and target_channel_id = ?")
                .params(sourceMessageId, copy.channelId())
                .update();
    }
}
