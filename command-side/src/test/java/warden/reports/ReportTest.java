package warden.reports;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;

import java.time.Instant;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import warden.common.CommandRefusedException;
import warden.common.GuildId;
import warden.common.InvalidValueException;
import warden.common.UserId;

/** A report is claimed by one moderator, closed once, and its reporter is named to be told. */
class ReportTest {

    static final GuildId GUILD = GuildId.of(1001);
    static final UserId REPORTER = UserId.of(5), TARGET = UserId.of(6), MOD = UserId.of(7), OTHER = UserId.of(8);
    static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
    static final ReportFiled FILED =
            new ReportFiled(GUILD, "r1", REPORTER, TARGET, "55", "66", "buy cheap nitro", "scam", T0);

    AggregateTestFixture<Report> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Report.class);
    }

    @Test
    void aReportIsFiledAndRefusedWithoutAReasonOrAboutOneself() {
        fixture.givenNoPriorActivity()
                .when(new FileReport("r1", GUILD, REPORTER, TARGET, "55", "66", "buy cheap nitro", " scam ", T0))
                .expectEvents(FILED);
        assertThatThrownBy(() -> new FileReport("r2", GUILD, REPORTER, TARGET, null, null, null, " ", T0))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("error.report.reason");
        assertThatThrownBy(() -> new FileReport("r2", GUILD, REPORTER, REPORTER, null, null, null, "me", T0))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("error.report.self");
    }

    @Test
    void oneModeratorClaimsAndClosesAndTheReporterIsNamed() {
        fixture.given(FILED)
                .when(new ClaimReport("r1", GUILD, MOD, T0))
                .expectEvents(new ReportClaimed(GUILD, "r1", MOD, T0));
        fixture.given(FILED, new ReportClaimed(GUILD, "r1", MOD, T0))
                .when(new ClaimReport("r1", GUILD, OTHER, T0))
                .expectException(CommandRefusedException.class)
                .expectExceptionMessage(containsString("error.report.claimed"));
        fixture.given(FILED, new ReportClaimed(GUILD, "r1", MOD, T0))
                .when(new CloseReport("r1", GUILD, OTHER, true, null, T0))
                .expectException(CommandRefusedException.class);
        fixture.given(FILED, new ReportClaimed(GUILD, "r1", MOD, T0))
                .when(new CloseReport("r1", GUILD, MOD, true, "warned", T0))
                .expectEvents(new ReportClosed(GUILD, "r1", MOD, true, "warned", T0))
                .expectResultMessagePayload(REPORTER);
        fixture.given(FILED, new ReportClosed(GUILD, "r1", MOD, false, null, T0))
                .when(new ClaimReport("r1", GUILD, MOD, T0))
                .expectException(CommandRefusedException.class)
                .expectExceptionMessage(containsString("error.report.closed"));
    }
}
