package warden.federation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every rule of what a server does with an entry: one row each. */
class EnforcementDecisionTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            automatic, a member                         | AUTOMATIC | true  | false | false |       | staff |   | member | BAN
            automatic, not a member (banned ahead)      | AUTOMATIC | true  | false | false |       | staff |   |        | BAN
            alert, a member                             | ALERT     | true  | false | false |       | staff |   | member | ALERT
            alert, not a member yet (waits for a join)  | ALERT     | true  | false | false |       | staff |   |        | NOTHING
            approve first                               | APPROVE   | true  | false | false |       | staff |   | member | ASK_APPROVAL
            not subscribed                              | AUTOMATIC | false | false | false |       | staff |   | member | NOTHING
            suspended partner                           | AUTOMATIC | true  | true  | false |       | staff |   | member | NOTHING
            entry set aside                             | AUTOMATIC | true  | false | true  |       | staff |   | member | SKIP_OVERRIDE
            a listed user                               | AUTOMATIC | true  | false | false | 42    | staff |   | member | SKIP_NEVER_BAN
            a staff role                                | AUTOMATIC | true  | false | false |       | staff |   | staff  | SKIP_NEVER_BAN
            the server's owner                          | AUTOMATIC | true  | false | false |       | staff | o | member | SKIP_NEVER_BAN
            Warden itself                               | AUTOMATIC | true  | false | false |       | staff | s | member | SKIP_NEVER_BAN
            never-ban wins over alert                   | ALERT     | true  | false | false | 42    | staff |   | member | SKIP_NEVER_BAN
            """)
    void decides(
            String row,
            EnforcementMode mode,
            boolean subscribe,
            boolean suspended,
            boolean overridden,
            String neverUser,
            String neverRole,
            String who,
            String roles,
            EnforcementDecision.Action expected) {
        FederationView.Partner partner = new FederationView.Partner(
                "1001",
                true,
                subscribe,
                suspended,
                mode,
                null,
                neverUser == null ? Set.of() : Set.of(neverUser),
                Set.of(neverRole),
                false);
        Set<String> memberRoles =
                roles == null ? null : Arrays.stream(roles.split(",")).collect(Collectors.toSet());
        EnforcementDecision.Target target =
                new EnforcementDecision.Target("42", "o".equals(who), "s".equals(who), memberRoles);
        assertThat(EnforcementDecision.decide(partner, overridden, target)).isEqualTo(expected);
    }
}
