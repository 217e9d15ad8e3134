package warden.config;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import warden.common.GuildId;
import warden.platform.EventJson;

import static warden.platform.Timestamps.toDb;

/** Keeps each guild's current policy document, folded from its events exactly as the aggregate folds them. */
@Component
@ProcessingGroup("policy")
class GuildPolicyProjection {

    private final JdbcClient db;

    GuildPolicyProjection(JdbcClient db) {
        this.db = db;
    }

    @EventHandler
    void on(PolicyEvent event) {
        PolicyDocument current = load(event.guild());
        if (event.version() <= current.version()) return;
        PolicyDocument next = current.apply(event);
        db.sql("""
                        insert into guild_policy(guild_id, version, document, updated_at) values (?,?,?::jsonb,?)
                        on conflict (guild_id) do update
                        set version = excluded.version, document = excluded.document, updated_at = excluded.updated_at""")
                .params(event.guild().value(), next.version(), EventJson.write(next), toDb(event.occurredAt()))
                .update();
    }

    @QueryHandler
    PolicyDocument handle(FindGuildPolicy query) {
        return load(query.guild());
    }

    private PolicyDocument load(GuildId guild) {
        return db.sql("select document::text from guild_policy where guild_id = ?")
                .param(guild.value())
                .query(String.class)
                .optional()
                .map(json -> EventJson.read(json, PolicyDocument.class))
                .orElseGet(() -> PolicyDocument.initial(guild));
    }

    @ResetHandler
    void reset() {
        db.sql("truncate guild_policy").update();
    }
}
