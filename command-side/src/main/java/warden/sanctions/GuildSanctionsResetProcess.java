package warden.sanctions;

import java.time.Instant;
import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import warden.common.MemberKey;
import warden.platform.Commands;

/**
 * Carries a whole server's reset to each member who ever had a sanction there (read from the event store, not from a
 * read model that may lag). Each member's reset removes only the sanctions decided up to the server's reset, so running
 * it again (a retry, a processor starting over) removes nothing decided later.
 */
@Component
@ProcessingGroup(GuildSanctionsResetProcess.GROUP)
@DisallowReplay
class GuildSanctionsResetProcess {

    static final String GROUP = "guild-sanctions-reset";

    private final JdbcClient db;
    private final Commands commands;

    GuildSanctionsResetProcess(JdbcClient db, Commands commands) {
        this.db = db;
        this.commands = commands;
    }

    @EventHandler
    void on(GuildSanctionsReset e) {
        List<String> members =
                db.sql("""
                        select distinct aggregateidentifier from domainevententry
                        where payloadtype = 'warden.sanctions.SanctionDecided' and aggregateidentifier like ?""").param(e.guild() + ":%").query(String.class).list();
        for (String member : members) {
            commands.sendAndWait(new ResetMemberSanctions(
                    MemberKey.parse(member), e.resetId(), e.by(), e.reason(), Instant.now(), e.occurredAt()));
        }
    }
}
