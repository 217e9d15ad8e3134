package warden.projection;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** How the writes of one processor batch are grouped into JDBC batches: fewer round trips, the same order per table. */
class ProjectionWritesTest {

    private static final String AUDIT = "insert into audit_event(event_id) values (?) on conflict (event_id) do nothing";
    private static final String INFRACTION = "insert into infraction_state(infraction_id) values (?) on conflict do nothing";
    private static final String PARDON = "update infraction_state set pardoned_at = ? where infraction_id = ?";
    private static final String LINK = "\n    INSERT INTO interserver_link(frequency) values (?)";
    private static final String UNKNOWN = "with gone as (delete from audit_event returning 1) select count(*) from gone";

    static Stream<Arguments> batches() {
        return Stream.of(
                Arguments.of("two projections on each event: one batch per statement",
                        List.of(AUDIT, INFRACTION, AUDIT, INFRACTION, AUDIT, INFRACTION),
                        List.of("audit_event 3", "infraction_state 3")),
                Arguments.of("a pardon between two inserts of its table stays between them",
                        List.of(INFRACTION, PARDON, INFRACTION),
                        List.of("infraction_state 1", "infraction_state 1", "infraction_state 1")),
                Arguments.of("a write to another table does not hold an insert back",
                        List.of(AUDIT, INFRACTION, PARDON, AUDIT, INFRACTION),
                        List.of("audit_event 2", "infraction_state 1", "infraction_state 1", "infraction_state 1")),
                Arguments.of("the table is read whatever the case and the leading blanks",
                        List.of(LINK, AUDIT, LINK),
                        List.of("interserver_link 2", "audit_event 1")),
                Arguments.of("a statement whose table is not known orders against every other",
                        List.of(AUDIT, UNKNOWN, AUDIT),
                        List.of("audit_event 1", "? 1", "audit_event 1")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("batches")
    void groups(String description, List<String> statements, List<String> expected) {
        List<ProjectionWrites.Run> runs = new ArrayList<>();
        for (int i = 0; i < statements.size(); i++) ProjectionWrites.add(runs, statements.get(i), new Object[]{i});
        assertThat(runs).extracting(run -> (run.table() == null ? "?" : run.table()) + " " + run.rows().size())
                .containsExactlyElementsOf(expected);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("batches")
    void keepsTheOrderOfEachTable(String description, List<String> statements, List<String> expected) {
        List<ProjectionWrites.Run> runs = new ArrayList<>();
        for (int i = 0; i < statements.size(); i++) ProjectionWrites.add(runs, statements.get(i), new Object[]{i});
        List<Integer> sent = runs.stream().flatMap(run -> run.rows().stream()).map(row -> (Integer) row[0]).toList();
        for (int a = 0; a < statements.size(); a++) {
            for (int b = a + 1; b < statements.size(); b++) {
                String ta = ProjectionWrites.table(statements.get(a));
                String tb = ProjectionWrites.table(statements.get(b));
                if (ta == null || tb == null || ta.equals(tb)) {
                    assertThat(sent.indexOf(a)).as("write %d sent before write %d", a, b).isLessThan(sent.indexOf(b));
                }
            }
        }
    }
}
