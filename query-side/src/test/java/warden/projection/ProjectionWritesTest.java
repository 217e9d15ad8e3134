package warden.projection;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** How the writes of one processor batch are grouped into JDBC batches: fewer round trips, the same order per table. */
class ProjectionWritesTest {

    /** A statement and the table it writes, as a projection gives them. */
    record Write(String table, String sql) {}

    private static final Write AUDIT =
            new Write("audit_event", "insert into audit_event(event_id) values (?) on conflict (event_id) do nothing");
    private static final Write INFRACTION = new Write(
            "infraction_state", "insert into infraction_state(infraction_id) values (?) on conflict do nothing");
    private static final Write PARDON =
            new Write("infraction_state", "update infraction_state set pardoned_at = ? where infraction_id = ?");
    private static final Write LINK =
            new Write("interserver_link", "insert into interserver_link(frequency) values (?)");

    static Stream<Arguments> batches() {
        return Stream.of(
                Arguments.of(
                        "two projections on each event: one batch per statement",
                        List.of(AUDIT, INFRACTION, AUDIT, INFRACTION, AUDIT, INFRACTION),
                        List.of("audit_event 3", "infraction_state 3")),
                Arguments.of(
                        "a pardon between two inserts of its table stays between them",
                        List.of(INFRACTION, PARDON, INFRACTION),
                        List.of("infraction_state 1", "infraction_state 1", "infraction_state 1")),
                Arguments.of(
                        "a write to another table does not hold an insert back",
                        List.of(AUDIT, INFRACTION, PARDON, AUDIT, INFRACTION),
                        List.of("audit_event 2", "infraction_state 1", "infraction_state 1", "infraction_state 1")),
                Arguments.of(
                        "three tables interleaved",
                        List.of(LINK, AUDIT, LINK, AUDIT),
                        List.of("interserver_link 2", "audit_event 2")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("batches")
    void groups(String description, List<Write> writes, List<String> expected) {
        List<ProjectionWrites.Run> runs = new ArrayList<>();
        for (int i = 0; i < writes.size(); i++)
            ProjectionWrites.add(runs, writes.get(i).sql(), writes.get(i).table(), new Object[] {i});
        assertThat(runs)
                .extracting(run -> run.table() + " " + run.rows().size())
                .containsExactlyElementsOf(expected);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("batches")
    void keepsTheOrderOfEachTable(String description, List<Write> writes, List<String> expected) {
        List<ProjectionWrites.Run> runs = new ArrayList<>();
        for (int i = 0; i < writes.size(); i++)
            ProjectionWrites.add(runs, writes.get(i).sql(), writes.get(i).table(), new Object[] {i});
        List<Integer> sent = runs.stream()
                .flatMap(run -> run.rows().stream())
                .map(row -> (Integer) row[0])
                .toList();
        for (int a = 0; a < writes.size(); a++) {
            for (int b = a + 1; b < writes.size(); b++) {
                if (writes.get(a).table().equals(writes.get(b).table())) {
                    assertThat(sent.indexOf(a))
                            .as("write %d sent before write %d", a, b)
                            .isLessThan(sent.indexOf(b));
                }
            }
        }
    }
}
