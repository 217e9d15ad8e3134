package warden.interserver;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import warden.platform.testing.WardenSpringTest;

/**
 * The migration that moves the interserver links into the ledger's processor ({@code V2_12}) keeps the read models
 * when the old processor had handled everything the ledger's had, and has them rebuilt when a link event could be
 * missed. Run on copies of the tables in a schema of its own, so the application's processors are not disturbed.
 */
@WardenSpringTest
class LinksJoinLedgerMigrationTest {

    private static final List<String> TABLES = List.of(
            "tokenentry",
            "audit_event",
            "infraction_state",
            "sanction_state",
            "interserver_link",
            "federation",
            "federation_partner",
            "federation_entry",
            "federation_override",
            "federation_outcome",
            "backup",
            "restore_run",
            "restore_step",
            "raid",
            "raid_account");
    private static final String GAP_AWARE = "org.axonframework.eventhandling.GapAwareTrackingToken";

    @Autowired
    DataSource dataSource;

    @Test
    void processorsLevelKeepTheReadModels() throws Exception {
        Outcome outcome = migrate(List.of(
                token("interserver", 0, "{\"index\":500,\"gaps\":[]}"),
                token("interserver", 1, "{\"index\":500,\"gaps\":[]}"),
                token("ledger", 0, "{\"index\":500,\"gaps\":[]}"),
                token("ledger", 1, "{\"index\":480,\"gaps\":[]}")));
        assertThat(outcome.tokens()).containsExactlyInAnyOrder("ledger/0", "ledger/1");
        assertThat(outcome.auditRows()).isEqualTo(1);
    }

    @Test
    void linksBehindTheLedgerRebuildTheReadModels() throws Exception {
        Outcome outcome = migrate(List.of(
                token("interserver", 0, "{\"index\":500,\"gaps\":[]}"),
                token("interserver", 1, "{\"index\":499,\"gaps\":[]}"),
                token("ledger", 0, "{\"index\":500,\"gaps\":[]}")));
        assertThat(outcome.tokens()).isEmpty();
        assertThat(outcome.auditRows()).isZero();
    }

    @Test
    void aGapOrAReplayUnderWayRebuildsTheReadModels() throws Exception {
        assertThat(migrate(List.of(
                                token("interserver", 0, "{\"index\":500,\"gaps\":[]}"),
                                token("ledger", 0, "{\"index\":500,\"gaps\":[497]}")))
                        .auditRows())
                .isZero();
        assertThat(migrate(
                                List.of(
                                        token("interserver", 0, "{\"index\":500,\"gaps\":[]}"),
                                        "('ledger', 0, convert_to('{}', 'UTF8'), 'org.axonframework.eventhandling.ReplayToken')"))
                        .auditRows())
                .isZero();
    }

    @Test
    void aStoreWithoutLinkTokensIsLeftAlone() throws Exception {
        Outcome outcome = migrate(List.of(token("ledger", 0, "{\"index\":500,\"gaps\":[]}")));
        assertThat(outcome.tokens()).containsExactly("ledger/0");
        assertThat(outcome.auditRows()).isEqualTo(1);
    }

    private record Outcome(List<String> tokens, long auditRows) {}

    private static String token(String processor, int segment, String json) {
        return "('" + processor + "', " + segment + ", convert_to('" + json + "', 'UTF8'), '" + GAP_AWARE + "')";
    }

    private Outcome migrate(List<String> tokens) throws Exception {
        String script = new String(
                new ClassPathResource("db/migration/V2_12__interserver_links_in_ledger_processor.sql")
                        .getInputStream()
                        .readAllBytes(),
                StandardCharsets.UTF_8);
        try (Connection connection = dataSource.getConnection();
                Statement sql = connection.createStatement()) {
            connection.setAutoCommit(false);
            try {
                sql.execute("create schema migration_copy");
                for (String table : TABLES) {
                    sql.execute("create table migration_copy." + table + " (like public." + table + " including all)");
                }
                sql.execute("set local search_path = migration_copy");
                sql.execute("insert into tokenentry(processorname, segment, token, tokentype) values "
                        + String.join(", ", tokens));
                sql.execute("""
                        insert into audit_event(global_index, guild_id, user_id, event_type, occurred_at, payload, event_id)
                        values (1, 1, 1, 'InfractionRecorded', now(), '{}', 'e-1')""");
                sql.execute(script);
                List<String> left = new java.util.ArrayList<>();
                try (ResultSet rows =
                        sql.executeQuery("select processorname || '/' || segment from tokenentry order by 1")) {
                    while (rows.next()) left.add(rows.getString(1));
                }
                try (ResultSet rows = sql.executeQuery("select count(*) from audit_event")) {
                    rows.next();
                    return new Outcome(left, rows.getLong(1));
                }
            } finally {
                connection.rollback();
                connection.setAutoCommit(true);
            }
        }
    }
}
